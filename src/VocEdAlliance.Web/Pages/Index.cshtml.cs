using Microsoft.AspNetCore.Mvc.RazorPages;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages;

public class IndexModel(TimeProvider clock) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;
    public IReadOnlyList<string> RoleKeys { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public void OnGet()
    {
        DisplayName = User.GetDisplayName() ?? string.Empty;
        RoleKeys = [.. Roles.All.Where(User.IsInRole).Select(role => $"Role.{role}")];
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    }
}
