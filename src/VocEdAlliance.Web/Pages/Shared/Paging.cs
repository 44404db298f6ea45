using Microsoft.EntityFrameworkCore;

namespace VocEdAlliance.Web.Pages.Shared;

/// <summary>One page of a server-side paged list.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public static class Paging
{
    public const int DefaultPageSize = 25;

    /// <summary>Counts, then reads the requested page (clamped to the pages that exist).</summary>
    public static async Task<PageOf<T>> ToPageAsync<T>(this IQueryable<T> query, int page, int pageSize = DefaultPageSize)
    {
        var total = await query.CountAsync();
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync();
        return new PageOf<T>(items, page, pageSize, total);
    }

    /// <summary>A LIKE pattern that finds the text anywhere, with the user's % and _ taken literally.</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Trim().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
}

/// <summary>What the pager partial needs: where we are, and the list's current query to keep in its links.</summary>
public sealed record PagerModel(int Page, int PageCount, int Total, IReadOnlyDictionary<string, string> Query);
