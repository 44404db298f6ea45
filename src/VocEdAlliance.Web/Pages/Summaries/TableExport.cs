using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;

namespace VocEdAlliance.Web.Pages.Summaries;

/// <summary>A table as shown on a page, written as CSV or XLSX with the same headers and numbers. Text that a
/// spreadsheet would take for a formula (starting with = + - @, a tab or a carriage return) is prefixed with an
/// apostrophe in both formats; numbers stay numbers.</summary>
public sealed record TableExport(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>What each row stands for (a region's code prefix, for drilling down); shown as links, not exported.</summary>
    public IReadOnlyList<string?> RowKeys { get; init; } = [];

    /// <summary>How many rows the page lists (the busiest first); the rest are in the exports. Null: all of them.</summary>
    public int? PageLists { get; init; }

    /// <summary>Where a paged table stands (the by-alliance table on the page); null when every row is here.</summary>
    public Pages.Shared.PagerModel? Pager { get; init; }

    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

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
        return new FileContentResult(bytes, "text/csv; charset=utf-8") { FileDownloadName = Name + ".csv" };
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private FileContentResult ToXlsx()
    {
        var rows = Rows.Select(row =>
        {
            var line = new Dictionary<string, object?>();
            for (var i = 0; i < Headers.Count; i++)
            {
                line[Neutralise(Headers[i])] = Cell(row[i]);
            }
            return line;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "data");
        return new FileContentResult(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        {
            FileDownloadName = Name + ".xlsx",
        };
    }
}
