using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Resources;

namespace VocEdAlliance.Web.Pages.Shared;

/// <summary>One filter of a list: its query-string key and value, and the value as the user reads it (an enum value
/// in their language) for the caption of an export.</summary>
public sealed record ListFilter(string Key, string? Value, string? Shown = null)
{
    public static implicit operator ListFilter((string Key, string? Value) filter) => new(filter.Key, filter.Value);
}

/// <summary>A list page: sorting by column (ascending, then descending), server-side paging, links that keep the
/// current filters, and exports of every row the filters select (<see cref="Export{TRow}"/>). The page supplies its
/// filters and its default sort.</summary>
public abstract class ListPageModel : PageModel
{
    /// <summary>An export's date cell as precise as the record: a date for a day, the text 2016 or 2016-04 for a year or a
    /// month (which the import reads back as such).</summary>
    protected static object? DateCell(DateOnly? date, Domain.DatePrecision precision) =>
        date is not { } day ? null : precision == Domain.DatePrecision.Day ? day : new Domain.PartialDate(day, precision).ToString();

    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>The column sorted by when the address names none.</summary>
    protected abstract string DefaultSort { get; }

    /// <summary>The page's filters as query-string values (empty ones left out).</summary>
    protected abstract IEnumerable<ListFilter> Filters();

    public bool SortDescending => (Sort ?? DefaultSort).StartsWith('-');
    public string SortKey => (Sort ?? DefaultSort).TrimStart('-');

    public Dictionary<string, string> Query(string? sort = null)
    {
        var query = Filters().Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value!);
        if ((sort ?? Sort) is { Length: > 0 } value)
        {
            query["sort"] = value;
        }
        return query;
    }

    /// <summary>The address of this list's export in a format, with the list's filters and sort.</summary>
    public string? ExportUrl(string format) =>
        Url.Page(null, "Export", new Dictionary<string, string>(Query()) { ["format"] = format });

    public string SortValue(string key) => SortKey == key && !SortDescending ? "-" + key : key;

    public string? AriaSort(string key) => SortKey == key ? (SortDescending ? "descending" : "ascending") : null;

    public bool Filtered => Filters().Any(f => !string.IsNullOrWhiteSpace(f.Value));

    private IStringLocalizer Localizer => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>An enum filter, shown in the user's language in an export's caption.</summary>
    protected ListFilter Choice<TEnum>(string key, TEnum? value) where TEnum : struct, Enum =>
        new(key, value?.ToString(), value is { } chosen ? Localizer.Enum(chosen) : null);

    /// <summary>Every row the list's filters select (not just this page), as a CSV or XLSX file named after the list
    /// and the day (China time), its first rows saying what was filtered. Rows are written as they are read. A format
    /// the lists do not offer is not found.</summary>
    protected IActionResult Export<TRow>(string? format, string titleKey, IReadOnlyList<string> headerKeys,
        IQueryable<TRow> rows, Func<TRow, ValueTask<object?[]>> cells) =>
        Export(format, titleKey, [.. headerKeys.Select(k => Localizer[k])], rows, cells);

    /// <summary>As <see cref="Export{TRow}(string?, string, IReadOnlyList{string}, IQueryable{TRow}, Func{TRow, ValueTask{object?[]}})"/>,
    /// with headers already worded (a numbered one: "party 3").</summary>
    protected IActionResult Export<TRow>(string? format, string titleKey, IReadOnlyList<LocalizedString> headers,
        IQueryable<TRow> rows, Func<TRow, ValueTask<object?[]>> cells)
    {
        if (!StreamedExport.IsFormat(format))
        {
            return NotFound();
        }
        var t = Localizer;
        if (!ModelState.IsValid)
        {
            // A filter the list refused (and says so next to its field) is not exported as "everything".
            var refused = ModelState.Where(e => e.Value is { Errors.Count: > 0 }).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage);
            return new ContentResult
            {
                StatusCode = StatusCodes.Status400BadRequest, ContentType = "text/plain; charset=utf-8",
                Content = t["Export.FiltersRefused", string.Join(" ", refused)],
            };
        }
        var title = t[titleKey].Value;
        // The portal's clock keeps China time as its local zone.
        var day = LocalizerExtensions.Date(DateOnly.FromDateTime(
            HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetLocalNow().DateTime));
        var filters = Filters().Where(f => !string.IsNullOrWhiteSpace(f.Value))
            .Select(f => t["Export.FilterPair", t[$"Export.Filter.{f.Key}"].Value, f.Shown ?? f.Value ?? string.Empty].Value).ToList();
        var caption = filters.Count == 0
            ? t["Export.CaptionAll", day].Value
            : t["Export.Caption", string.Join(t["List.Separator"], filters), day].Value;
        return StreamedExport.Of(title, caption, $"{title}_{day}", [.. headers.Select(h => h.Value)], rows, cells, format!);
    }
}
