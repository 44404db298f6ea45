using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(SignInThrottle.PerAddressPolicy)]
public partial class SignInModel(
    SignInManager<ApplicationUser> signInManager,
    SignInThrottle throttle,
    IStringLocalizer<SharedResource> t,
    ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [StringLength(PortalIdentity.PasswordMaxLength, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Field.Password")]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Field.RememberMe")]
        public bool RememberMe { get; set; }
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "~/";

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    /// <summary>Unknown e-mail, wrong password, locked or disabled account: the same words, and the same work (a
    /// password hash is checked in every case), so the answer tells nobody which accounts exist.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!throttle.TryAcquire(Input.Email))
        {
            ModelState.AddModelError(string.Empty, t["SignIn.TooManyAttempts"]);
            return Page();
        }
        var user = await signInManager.UserManager.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            DummyPassword.Verify(signInManager.UserManager.PasswordHasher, Input.Password);
            LogUnknownAccount(logger);
            PortalMetrics.SignInRefused("unknown-account");
            return Refused();
        }

        var result = await signInManager.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            LogSignedIn(logger, user.Id);
            return LocalRedirect(SafeReturnUrl);
        }
        if (result.RequiresTwoFactor)
        {
            // The password was right: the authenticator's code comes next (Identity remembers who, for a few minutes).
            return RedirectToPage("/Account/SignInTwoFactor", new { ReturnUrl = SafeReturnUrl, Input.RememberMe });
        }
        if (result.IsLockedOut)
        {
            // A locked account is refused before its password is checked: check one all the same.
            DummyPassword.Verify(signInManager.UserManager.PasswordHasher, Input.Password);
            LogLockedOut(logger, user.Id);
        }
        PortalMetrics.SignInRefused(result.IsLockedOut ? "locked-out" : "wrong-password");
        return Refused();
    }

    private PageResult Refused()
    {
        ModelState.AddModelError(string.Empty, t["SignIn.Invalid", PortalIdentity.MaxFailedSignIns, (int)PortalIdentity.LockoutDuration.TotalMinutes]);
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed in")]
    private static partial void LogSignedIn(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused: account {UserId} is locked out")]
    private static partial void LogLockedOut(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused: no account has the e-mail address given")]
    private static partial void LogUnknownAccount(ILogger logger);
}
