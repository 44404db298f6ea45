using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Account;

/// <summary>The second step of signing in, for an account with an authenticator: the app's six-digit code, or one of
/// the account's recovery codes (each works once). Wrong codes count towards the account's lockout like wrong
/// passwords.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInThrottle.PerAddressPolicy)]
public partial class SignInTwoFactorModel(SignInManager<ApplicationUser> signInManager, IStringLocalizer<SharedResource> t,
    ILogger<SignInTwoFactorModel> logger) : PageModel
{
    public const int CodeMaxLength = 40;

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(CodeMaxLength, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Field.TwoFactorCode")]
        public string? Code { get; set; }
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "~/";

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The password step expired (or never happened): start again.
            return RedirectToPage("/Account/SignIn", new { ReturnUrl });
        }
        ModelState.Remove(nameof(RememberMe)); // an odd value in the address means "no", never a silent refusal
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // "123 456" from the app; "ABCDE-12345" as a recovery code was printed (its hyphen is part of it).
        var typed = string.Concat(Input.Code!.Where(c => !char.IsWhiteSpace(c)));
        var digits = typed.Replace("-", string.Empty, StringComparison.Ordinal);
        var authenticator = digits.Length == 6 && digits.All(char.IsAsciiDigit);
        var result = authenticator
            ? await signInManager.TwoFactorAuthenticatorSignInAsync(digits, RememberMe, rememberClient: false)
            : await signInManager.TwoFactorRecoveryCodeSignInAsync(typed);
        if (result.Succeeded)
        {
            LogSignedIn(logger, user.Id, authenticator ? "authenticator" : "recovery code");
            return LocalRedirect(SafeReturnUrl);
        }
        LogRefused(logger, user.Id, result.IsLockedOut);
        ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Code)}",
            result.IsLockedOut ? t["TwoFactor.LockedOut", PortalIdentity.MaxFailedSignIns, (int)PortalIdentity.LockoutDuration.TotalMinutes].Value : t["TwoFactor.CodeInvalid"].Value);
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed in with a second factor ({Factor})")]
    private static partial void LogSignedIn(ILogger logger, Guid userId, string factor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Second factor refused for account {UserId} (locked out: {LockedOut})")]
    private static partial void LogRefused(ILogger logger, Guid userId, bool lockedOut);
}
