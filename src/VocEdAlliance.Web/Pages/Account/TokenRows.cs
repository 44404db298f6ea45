using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;

namespace VocEdAlliance.Web.Pages.Account;

/// <summary>A personal access token as its list shows it (never its secret, which is not stored).</summary>
public sealed record TokenRow(Guid Id, string Name, string Hint, bool ReadOnly, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public bool Usable(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    /// <summary>The tokens of one account, newest first (the page that lists them has checked who may see them).</summary>
    public static Task<List<TokenRow>> OfAsync(AppDbContext db, Guid userId) =>
        db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenRow(t.Id, t.Name, t.Hint, t.ReadOnly, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync();
}

/// <summary>What the token list partial needs: the rows, the page handler that revokes one, the moment to judge them by.</summary>
public sealed record TokenListModel(IReadOnlyList<TokenRow> Rows, string RevokeHandler, DateTimeOffset Now, TimeZoneInfo Zone);
