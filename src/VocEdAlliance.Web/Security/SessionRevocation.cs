using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Platform;

namespace VocEdAlliance.Web.Security;

/// <summary>Every request's sign-in cookie is checked against the account as stored now: its security stamp must be
/// the one the cookie was issued with, and the account must not be locked. Signing out, changing or resetting the
/// password, locking the account and changing its role or organisation all give the account a new stamp, so every
/// session of it — on every machine, replayed or not — ends at its next request.
/// One primary-key read a request; it replaces Identity's periodic check (every 30 minutes by default), under which a
/// copied cookie outlived its sign-out.</summary>
public static class SessionRevocation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(stampClaim);
        if (principal?.GetUserId() is { } userId && stamp is not null)
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (context.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } failure && DatabaseUnavailable.IsCause(failure))
            {
                // The error page of a request that failed because the database is unreachable: it cannot be asked
                // again, and the page shows nothing of the account. The session is left as it is (never signed out
                // by an outage); the next request checks it.
                return;
            }
            var current = await services.GetRequiredService<AppDbContext>().Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new { u.SecurityStamp, u.LockoutEnd })
                .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
            if (current is not null && current.SecurityStamp == stamp && !(current.LockoutEnd > now))
            {
                return;
            }
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>Ends every session of the account (this one included, unless the caller signs it in again).</summary>
    public static Task<IdentityResult> RevokeAllAsync(UserManager<ApplicationUser> users, ApplicationUser user) =>
        users.UpdateSecurityStampAsync(user);
}
