using Microsoft.EntityFrameworkCore;

namespace VocEdAlliance.Web.Pages.Shared;

/// <summary>One page of a server-side paged list. <see cref="MoreThanTotal"/>: the list holds more than
/// <see cref="Total"/> items (counting stops at <see cref="Paging.CountLimit"/>).</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, bool MoreThanTotal = false)
{
    public int PageCount => MoreThanTotal
        ? Math.Max(Page + (Items.Count == PageSize ? 1 : 0), (Total + PageSize - 1) / PageSize)
        : Math.Max(1, (Total + PageSize - 1) / PageSize);

    public PagerModel Pager(IReadOnlyDictionary<string, string> query) => new(Page, PageCount, Total, MoreThanTotal, query);
}

public static class Paging
{
    public const int DefaultPageSize = 25;

    /// <summary>Counting stops here: at national scale an exact count of millions of rows on every page view costs more
    /// than the page itself, and "more than 10,000" tells the user as much.</summary>
    public const int CountLimit = 10_000;

    /// <summary>Counts the filtered records (up to <see cref="CountLimit"/>; <paramref name="counting"/>: the filters
    /// alone, without the order and the projection, which a count needs neither of), then reads the requested page of
    /// <paramref name="rows"/> (clamped to the pages that exist).</summary>
    public static async Task<PageOf<T>> ToPageAsync<T, TRecord>(this IQueryable<T> rows, int page, IQueryable<TRecord> counting,
        int pageSize = DefaultPageSize)
    {
        var counted = await counting.Take(CountLimit + 1).CountAsync();
        var more = counted > CountLimit;
        var total = Math.Min(counted, CountLimit);
        page = more ? Math.Clamp(page, 1, int.MaxValue / pageSize) : Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var items = await rows.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        return new PageOf<T>(items, page, pageSize, total, more);
    }

    /// <summary>A LIKE pattern that finds the text anywhere, with the user's % and _ taken literally.</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Trim().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
}

/// <summary>What the pager partial needs: where we are, and the list's current query to keep in its links.</summary>
public sealed record PagerModel(int Page, int PageCount, int Total, bool MoreThanTotal, IReadOnlyDictionary<string, string> Query);
