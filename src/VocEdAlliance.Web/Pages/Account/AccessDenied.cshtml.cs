using Microsoft.AspNetCore.Mvc.RazorPages;

namespace VocEdAlliance.Web.Pages.Account;

/// <summary>Where a signed-in user lands when they may see a record but not do what they asked (403).</summary>
public class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
