using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Admin.Users;

[Authorize(Policy = AccountAdministration.ManagersPolicy)]
public class IndexModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public sealed record Row(Guid Id, string DisplayName, string Email, string? Organisation, IReadOnlyList<string> Roles, bool Locked);

    public PageOf<Row> Results { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    protected override string DefaultSort => "name";

    protected override IEnumerable<ListFilter> Filters() => [("q", Q)];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var (users, ordered) = Selected();
        Results = await ordered
            .Select(u => new Row(u.Id, u.DisplayName, u.Email!,
                db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                u.LockoutEnd != null && u.LockoutEnd > now))
            .ToPageAsync(PageNumber, users);
    }

    public static readonly IReadOnlyList<string> ExportColumns =
        ["Field.DisplayName", "Field.Email", "Field.UserOrganisation", "Field.Role", "Field.Locked"];

    /// <summary>Every account the administrator manages that the filter selects; no password, stamp or other secret.</summary>
    public IActionResult OnGetExport(string? format)
    {
        var now = clock.GetUtcNow();
        var (_, ordered) = Selected();
        var separator = t["List.Separator"].Value;
        return Export(format, "Users.Title", ExportColumns,
            ordered.Select(u => new
            {
                u.DisplayName, u.Email,
                Organisation = db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                Locked = u.LockoutEnd != null && u.LockoutEnd > now,
            }),
            u => ValueTask.FromResult<object?[]>([u.DisplayName, u.Email, u.Organisation,
                string.Join(separator, u.Roles.Select(r => t[$"Role.{r}"].Value)), u.Locked]));
    }

    private (IQueryable<ApplicationUser> Users, IOrderedQueryable<ApplicationUser> Ordered) Selected()
    {
        var users = AccountAdministration.ManageableUsers(db).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = Paging.ContainsPattern(Q);
            users = users.Where(u => EF.Functions.ILike(u.DisplayName, pattern, @"\") || EF.Functions.ILike(u.Email!, pattern, @"\"));
        }
        var ordered = SortKey == "email"
            ? (SortDescending ? users.OrderByDescending(u => u.Email) : users.OrderBy(u => u.Email))
            : (SortDescending ? users.OrderByDescending(u => u.DisplayName) : users.OrderBy(u => u.DisplayName));
        return (users, ordered.ThenBy(u => u.Id));
    }
}
