using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;

namespace VocEdAlliance.Web.Summaries;

/// <summary>A table as shown on a page, written as CSV or XLSX with the same headers and numbers. Text that a
/// spreadsheet would take for a formula (starting with = + - @, a tab or a carriage return) is prefixed with an
/// apostrophe in both formats; numbers stay numbers. A file says what it is: its name and its first rows name the panel,
/// the filters and the day it was made (<see cref="Titled"/>).</summary>
public sealed record TableExport(string Name, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>What the rows are of, in words (the filters sentence), and the day they were counted.</summary>
    public string? Caption { get; init; }

    /// <summary>The file name without its extension, e.g. 跨区域汇总_省份之间_贵州省_2020-2026_2026-12-02.</summary>
    public string? FileName { get; init; }

    /// <summary>This table as a file of its own: titled, captioned, named.</summary>
    public TableExport Titled(string caption, string fileName) => this with { Caption = caption, FileName = fileName };

    /// <summary>What each row stands for (a region's code prefix, for drilling down); shown as links, not exported.</summary>
    public IReadOnlyList<string?> RowKeys { get; init; } = [];

    /// <summary>How many rows the page lists (the busiest first); the rest are in the exports. Null: all of them.</summary>
    public int? PageLists { get; init; }

    /// <summary>Where a paged table stands (the by-alliance table on the page); null when every row is here.</summary>
    public Pages.Shared.PagerModel? Pager { get; init; }

    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>What <see cref="Neutralise"/> wrote, read back (an export imported again): the apostrophe before a
    /// formula's first character is dropped, any other text is left as it is.</summary>
    public static string Restore(string text) =>
        text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? text[1..] : text;

    private static object? Cell(object? value) => value switch
    {
        string text => Neutralise(text),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value,
    };

    public FileContentResult ToFile(string format) => format == "xlsx" ? ToXlsx() : ToCsv();

    private FileContentResult ToCsv()
    {
        var csv = new StringBuilder();
        foreach (var line in TitleLines)
        {
            csv.AppendLine(Quote(Neutralise(line)));
        }
        csv.AppendLine(string.Join(',', Headers.Select(h => Quote(Neutralise(h)))));
        foreach (var row in Rows)
        {
            csv.AppendLine(string.Join(',', row.Select(c => Cell(c) switch
            {
                null => string.Empty,
                string text => Quote(text),
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                var other => Quote(other.ToString() ?? string.Empty),
            })));
        }
        // A byte-order mark, so that spreadsheets open the Chinese text as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return new FileContentResult(bytes, "text/csv; charset=utf-8") { FileDownloadName = (FileName ?? Name) + ".csv" };
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The title and caption rows above the headers (none for a table that was not titled).</summary>
    private IEnumerable<string> TitleLines => Caption is null ? [] : [Title, Caption, string.Empty];

    private FileContentResult ToXlsx()
    {
        // Rows by column letter, without a header row of MiniExcel's own: the title rows, the headers, then the data.
        Dictionary<string, object?> Line(IEnumerable<object?> cells)
        {
            var line = Enumerable.Range(0, Headers.Count).ToDictionary(Column, _ => (object?)null);
            var i = 0;
            foreach (var cell in cells)
            {
                line[Column(i++)] = cell;
            }
            return line;
        }
        var rows = TitleLines.Select(l => Line([Neutralise(l)]))
            .Append(Line(Headers.Select(h => (object?)Neutralise(h))))
            .Concat(Rows.Select(row => Line(row.Select(Cell))))
            .ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: false, sheetName: SheetName(Title));
        return new FileContentResult(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        {
            FileDownloadName = (FileName ?? Name) + ".xlsx",
        };
    }

    /// <summary>A spreadsheet column's letters: A … Z, AA … ZZ.</summary>
    internal static string Column(int i) => i < 26 ? ((char)('A' + i)).ToString() : $"{(char)('A' + i / 26 - 1)}{(char)('A' + i % 26)}";

    /// <summary>A sheet is named after its panel: at most 31 characters, none of : \ / ? * [ ].</summary>
    internal static string SheetName(string title)
    {
        var name = new string([.. title.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]).Trim();
        return name.Length == 0 ? "data" : name[..Math.Min(name.Length, 31)];
    }
}
