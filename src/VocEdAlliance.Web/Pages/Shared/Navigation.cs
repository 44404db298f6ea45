using System.Security.Claims;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Shared;

/// <summary>One entry of the main navigation: the page, its title's resource key, and the roles that see it
/// (none listed: every signed-in user).</summary>
public sealed record NavigationItem(string Page, string TitleKey, params string[] Roles)
{
    public bool IsVisibleTo(ClaimsPrincipal user) =>
        Roles.Length == 0 || Roles.Any(user.IsInRole);
}

/// <summary>The main navigation, by role. A feature adds its entry here.</summary>
public static class Navigation
{
    public static IReadOnlyList<NavigationItem> Items { get; } =
    [
        new("/Index", "Nav.Home"),
        new("/Summaries/Index", "Nav.Summaries", Roles.SystemAdmin, Roles.MinistryOfficial, Roles.BureauAdmin, Roles.BureauStaff),
        new("/Agreements/Index", "Nav.Agreements"),
        new("/Activities/Index", "Nav.Activities"),
        new("/Alliances/Index", "Nav.Alliances"),
        new("/Plans/Index", "Nav.Plans"),
        new("/Notifications/Index", "Nav.Notifications", Roles.BureauAdmin, Roles.BureauStaff),
        new("/Admin/Users/Index", "Nav.Users", Roles.SystemAdmin, Roles.BureauAdmin),
        new("/Institutions/Index", "Nav.Institutions"),
    ];

    public static IEnumerable<NavigationItem> For(ClaimsPrincipal user) =>
        Items.Where(item => item.IsVisibleTo(user));
}
