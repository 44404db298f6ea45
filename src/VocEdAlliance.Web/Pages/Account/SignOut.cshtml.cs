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
            // Signing out ends every session of the account: a copy of this cookie is worthless from now on.
            if (await signInManager.UserManager.FindByIdAsync(userId.ToString()) is { } user)
            {
                await SessionRevocation.RevokeAllAsync(signInManager.UserManager, user);
            }
        }
        await signInManager.SignOutAsync();
        TempData["SignedOut"] = true;
        return RedirectToPage("/Account/SignIn");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed out")]
    private static partial void LogSignedOut(ILogger logger, Guid userId);
}
