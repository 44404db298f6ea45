using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Account;

/// <summary>Signing out is a POST (a link could be forged); a GET just goes home.</summary>
[AllowAnonymous]
public partial class SignOutModel(SignInManager<ApplicationUser> signInManager, ILogger<SignOutModel> logger) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("~/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.GetUserId() is { } userId)
        {
            LogSignedOut(logger, userId);
        }
        await signInManager.SignOutAsync();
        TempData["SignedOut"] = true;
        return RedirectToPage("/Account/SignIn");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed out")]
    private static partial void LogSignedOut(ILogger logger, Guid userId);
}
