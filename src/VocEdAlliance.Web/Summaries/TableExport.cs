using Microsoft.AspNetCore.Mvc;
using VocEdAlliance.Web.Platform;

namespace VocEdAlliance.Web.Summaries;

/// <summary>A table as shown on a page, written as CSV or XLSX with the same headers and numbers (by
/// <see cref="StreamedExport"/>). Text that a spreadsheet would take for a formula (starting with = + - @, a tab or a
/// carriage return) is prefixed with an apostrophe in both formats; numbers stay numbers. A file says what it is: its name and its first rows name the panel,
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

    /// <summary>The table as a CSV or XLSX file, written by the same writer as every list's export.</summary>
    public IActionResult ToFile(string format) =>
        StreamedExport.Of(Title, Caption, FileName ?? Name, Headers, StreamedExport.Listed(Rows),
            row => ValueTask.FromResult<object?[]>([.. row]), format);

    /// <summary>A spreadsheet column's letters: A … Z, AA … ZZ.</summary>
    internal static string Column(int i) => i < 26 ? ((char)('A' + i)).ToString() : $"{(char)('A' + i / 26 - 1)}{(char)('A' + i % 26)}";

    /// <summary>A sheet is named after its panel: at most 31 characters, none of : \ / ? * [ ].</summary>
    internal static string SheetName(string title)
    {
        var name = new string([.. title.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]).Trim();
        return name.Length == 0 ? "data" : name[..Math.Min(name.Length, 31)];
    }
}
