using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using MiniExcelLibs;
using VocEdAlliance.Web.Summaries;

namespace VocEdAlliance.Web.Platform;

public static class StreamedExport
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>"csv" or "xlsx": anything else is not a format the lists offer.</summary>
    public static bool IsFormat(string? format) => format is "csv" or "xlsx";

    /// <summary>Rows read from the database as they are written (<see cref="StreamedExport{T}"/>).</summary>
    public static IActionResult Of<T>(string title, string caption, string fileName, IReadOnlyList<string> headers,
        IQueryable<T> rows, Func<T, ValueTask<object?[]>> cells, string format) =>
        new StreamedExport<T>(title, caption, fileName, headers, rows.AsAsyncEnumerable(), cells, format);

    /// <summary>Rows already in hand (a report, a summaries table), in the same form; without a caption, the file
    /// starts with its headers.</summary>
    public static IActionResult Of<T>(string title, string? caption, string fileName, IReadOnlyList<string> headers,
        IAsyncEnumerable<T> rows, Func<T, ValueTask<object?[]>> cells, string format) =>
        new StreamedExport<T>(title, caption, fileName, headers, rows, cells, format);

    public static async IAsyncEnumerable<T> Listed<T>(IEnumerable<T> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }
        await Task.CompletedTask;
    }
}

/// <summary>A list written out as it is read: CSV (CsvHelper) goes to the response row by row; XLSX (MiniExcel) is
/// written row by row into a temporary file that is deleted when it has been sent (a workbook is a zip whose directory
/// comes last, so it cannot go out before it is finished). Either way no more than a row sits in memory, whatever the
/// number of rows. Like the summaries' tables (<see cref="TableExport"/>): title and filter rows above the headers,
/// text a spreadsheet would take for a formula prefixed with an apostrophe, numbers kept as numbers, dates yyyy-MM-dd.</summary>
public sealed class StreamedExport<T>(
    string title, string? caption, string fileName, IReadOnlyList<string> headers,
    IAsyncEnumerable<T> rows, Func<T, ValueTask<object?[]>> cells, string format) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var aborted = context.HttpContext.RequestAborted;
        var xlsx = format == "xlsx";
        response.ContentType = xlsx ? StreamedExport.XlsxType : "text/csv; charset=utf-8";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName + (xlsx ? ".xlsx" : ".csv"));
        response.Headers.ContentDisposition = disposition.ToString();
        if (xlsx)
        {
            await WriteXlsxAsync(response, aborted);
        }
        else
        {
            await WriteCsvAsync(response.Body, aborted);
        }
    }

    private static object? Cell(object? value) => value switch
    {
        string text => TableExport.Neutralise(text),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool yes => yes ? "✓" : string.Empty,
        _ => value,
    };

    private async IAsyncEnumerable<object?[]> Lines([EnumeratorCancellation] CancellationToken aborted = default)
    {
        await foreach (var row in rows.WithCancellation(aborted))
        {
            var values = await cells(row);
            yield return [.. values.Select(Cell)];
        }
    }

    private IEnumerable<string> TitleLines => caption is null ? [] : [TableExport.Neutralise(title), TableExport.Neutralise(caption), string.Empty];

    private async Task WriteCsvAsync(Stream body, CancellationToken aborted)
    {
        // A byte-order mark, so that spreadsheets open the Chinese text as UTF-8.
        await using var text = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024);
        await using var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { ShouldQuote = args => args.FieldType == typeof(string) });
        foreach (var line in TitleLines)
        {
            csv.WriteField(line);
            await csv.NextRecordAsync();
        }
        foreach (var header in headers)
        {
            csv.WriteField(TableExport.Neutralise(header));
        }
        await csv.NextRecordAsync();
        var written = 0;
        await foreach (var line in Lines(aborted))
        {
            foreach (var value in line)
            {
                switch (value)
                {
                    case null: csv.WriteField(string.Empty, shouldQuote: false); break;
                    case string s: csv.WriteField(s); break;
                    case IFormattable number: csv.WriteField(number.ToString(null, CultureInfo.InvariantCulture), shouldQuote: false); break;
                    default: csv.WriteField(value.ToString() ?? string.Empty); break;
                }
            }
            await csv.NextRecordAsync();
            if (++written % 1000 == 0)
            {
                await csv.FlushAsync();
            }
        }
        await csv.FlushAsync();
    }

    private async Task WriteXlsxAsync(HttpResponse response, CancellationToken aborted)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vocedalliance-export-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        // MiniExcel takes a synchronous sequence: it is read on a pool thread, one row at a time, from the database.
        var lines = Lines(aborted).ToBlockingEnumerable(aborted);
        await Task.Run(() => file.SaveAs(Sheet(lines), printHeader: false, sheetName: TableExport.SheetName(title)), aborted);
        response.ContentLength = file.Length;
        file.Position = 0;
        await file.CopyToAsync(response.Body, aborted);
    }

    private IEnumerable<Dictionary<string, object?>> Sheet(IEnumerable<object?[]> lines)
    {
        Dictionary<string, object?> Line(IEnumerable<object?> values)
        {
            var line = new Dictionary<string, object?>(headers.Count);
            var i = 0;
            foreach (var value in values)
            {
                line[TableExport.Column(i++)] = value;
            }
            while (i < headers.Count)
            {
                line[TableExport.Column(i++)] = null;
            }
            return line;
        }
        foreach (var line in TitleLines)
        {
            yield return Line([line]);
        }
        yield return Line(headers.Select(h => (object?)TableExport.Neutralise(h)));
        foreach (var line in lines)
        {
            yield return Line(line);
        }
    }
}
