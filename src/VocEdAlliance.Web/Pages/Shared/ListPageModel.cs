using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace VocEdAlliance.Web.Pages.Shared;

/// <summary>A list page: sorting by column (ascending, then descending), server-side paging, and links that keep
/// the current filters. The page supplies its filters and its default sort.</summary>
public abstract class ListPageModel : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>The column sorted by when the address names none.</summary>
    protected abstract string DefaultSort { get; }

    /// <summary>The page's filters as query-string values (empty ones left out).</summary>
    protected abstract IEnumerable<(string Key, string? Value)> Filters();

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

    public string SortValue(string key) => SortKey == key && !SortDescending ? "-" + key : key;

    public string? AriaSort(string key) => SortKey == key ? (SortDescending ? "descending" : "ascending") : null;

    public bool Filtered => Filters().Any(f => !string.IsNullOrWhiteSpace(f.Value));
}
