using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Account;

/// <summary>The user's second factor: set up an authenticator app (TOTP, RFC 6238) from a QR code the portal draws
/// itself — no outside service — confirmed by one code from the app; then ten recovery codes, shown once. Required
/// accounts (admins, or everyone: <see cref="TwoFactorOptions"/>) are sent here until it is on, and cannot turn it off;
/// a lost phone is an admin's reset (the account's edit page).</summary>
public partial class TwoFactorModel(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IOptions<TwoFactorOptions> options,
    IStringLocalizer<SharedResource> t, ILogger<TwoFactorModel> logger) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(SignInTwoFactorModel.CodeMaxLength, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Field.TwoFactorCode")]
        public string? Code { get; set; }
    }

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>The key in groups of four, for typing into an app that cannot scan.</summary>
    public string? SharedKey { get; private set; }

    public string? QrSvg { get; private set; }

    /// <summary>Shown once, right after they are made.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "~/";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await ShowAsync(user);
        return Page();
    }

    private async Task ShowAsync(ApplicationUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = options.Value.IsRequiredFor(User);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user); // a new key is a new security stamp: keep this session
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var issuer = Uri.EscapeDataString(options.Value.Issuer);
        var account = Uri.EscapeDataString(user.Email ?? user.UserName ?? user.Id.ToString());
        QrSvg = QrCodes.Svg(string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{issuer}:{account}?secret={key}&issuer={issuer}&digits=6"));
    }

    /// <summary>Turns the authenticator on once the app's code matches; makes the recovery codes.</summary>
    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage();
        }
        if (ModelState.IsValid)
        {
            var code = string.Concat(Input.Code!.Where(c => !char.IsWhiteSpace(c) && c != '-'));
            if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
                await signIn.RefreshSignInAsync(user); // the new stamp ended the session: this one goes on, now with the claim
                LogEnabled(logger, user.Id);
                TempData["StatusMessage"] = t["TwoFactor.Enabled"].Value;
                await ShowAsync(user);
                return Page(); // the codes are shown once, on this answer, never again
            }
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Code)}", t["TwoFactor.CodeInvalid"].Value);
        }
        await ShowAsync(user);
        return Page();
    }

    /// <summary>New recovery codes; the old ones stop working.</summary>
    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage();
        }
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        LogNewCodes(logger, user.Id);
        ModelState.Clear();
        await ShowAsync(user);
        return Page();
    }

    /// <summary>Turns the second factor off: only where it is not required.</summary>
    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (options.Value.IsRequiredFor(User))
        {
            return Forbid();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        LogDisabled(logger, user.Id);
        TempData["StatusMessage"] = t["TwoFactor.Disabled"].Value;
        return RedirectToPage();
    }

    public IActionResult OnPostContinue() => LocalRedirect(SafeReturnUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} turned on a second factor")]
    private static partial void LogEnabled(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} made new recovery codes")]
    private static partial void LogNewCodes(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} turned off the second factor")]
    private static partial void LogDisabled(ILogger logger, Guid userId);
}
