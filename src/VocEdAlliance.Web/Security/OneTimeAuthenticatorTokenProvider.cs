using System.Globalization;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace VocEdAlliance.Web.Security;

/// <summary>The authenticator's codes (TOTP, RFC 6238: 30-second steps, one step of clock drift either way), each
/// accepted <b>once</b>: the step a code matched is kept with the account (an Identity user token), and a code of that
/// step or an earlier one is refused — so a code read over someone's shoulder, or sent twice, signs nobody in again.
/// Identity's own provider accepts a code again within its window. Codes are checked with Otp.NET, which reports the
/// step matched.</summary>
public sealed class OneTimeAuthenticatorTokenProvider : IUserTwoFactorTokenProvider<ApplicationUser>
{
    private const string LoginProvider = "[VocEdAlliance]";
    private const string LastStepToken = "LastAuthenticatorStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the codes; the portal never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(token, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }
        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepToken);
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var used) && step <= used)
        {
            return false;
        }
        await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
        return true;
    }
}
