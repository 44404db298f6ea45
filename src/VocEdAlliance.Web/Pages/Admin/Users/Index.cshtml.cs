using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Admin.Users;

[Authorize(Policy = AccountAdministration.ManagersPolicy)]
public class IndexModel(AppDbContext db, TimeProvider clock) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public sealed record Row(Guid Id, string DisplayName, string Email, string? Organisation, IReadOnlyList<string> Roles, bool Locked);

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    protected override string DefaultSort => "name";

    protected override IEnumerable<(string Key, string? Value)> Filters() => [("q", Q)];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var users = AccountAdministration.ManageableUsers(db).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = Paging.ContainsPattern(Q);
            users = users.Where(u => EF.Functions.ILike(u.DisplayName, pattern, @"\") || EF.Functions.ILike(u.Email!, pattern, @"\"));
        }
        var ordered = SortKey == "email"
            ? (SortDescending ? users.OrderByDescending(u => u.Email) : users.OrderBy(u => u.Email))
            : (SortDescending ? users.OrderByDescending(u => u.DisplayName) : users.OrderBy(u => u.DisplayName));
        Results = await ordered.ThenBy(u => u.Id)
            .Select(u => new Row(u.Id, u.DisplayName, u.Email!,
                db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                u.LockoutEnd != null && u.LockoutEnd > now))
            .ToPageAsync(PageNumber, users);
    }
}
