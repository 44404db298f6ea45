using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace VocEdAlliance.Web.Security;

/// <summary>Who must sign in with a second factor (section <c>TwoFactor</c>, key <c>Policy</c>).</summary>
public enum TwoFactorPolicy
{
    /// <summary>System and bureau admins, who manage accounts (the default).</summary>
    Admins,

    /// <summary>Every account.</summary>
    Everyone,

    /// <summary>Nobody must (anyone may): for a demonstration or a test installation only; logged at start-up.</summary>
    Optional,
}

public sealed class TwoFactorOptions
{
    public const string Section = "TwoFactor";

    public TwoFactorPolicy Policy { get; set; } = TwoFactorPolicy.Admins;

    /// <summary>The issuer an authenticator app shows next to the account.</summary>
    public string Issuer { get; set; } = "VocEdAlliance";

    public bool IsRequiredFor(ClaimsPrincipal user) => Policy switch
    {
        TwoFactorPolicy.Everyone => true,
        TwoFactorPolicy.Admins => user.IsInRole(Roles.SystemAdmin) || user.IsInRole(Roles.BureauAdmin),
        _ => false,
    };

    /// <summary>Whether a signed-in user must set up a second factor before anything else (the sign-in cookie says
    /// whether the account has one; an API token's caller is not asked).</summary>
    public bool MustSetUp(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && !user.HasClaim(c => c.Type == PortalClaims.TwoFactor)
        && !user.HasClaim(c => c.Type == PortalClaims.AccessTokenId) && IsRequiredFor(user);
}

/// <summary>A signed-in user who must have a second factor and has none is sent to set one up before any other page
/// (signing out, the language and the error pages aside). The sign-in cookie says whether the account has one
/// (<see cref="PortalClaims.TwoFactor"/>), so the check costs no query.</summary>
public sealed class TwoFactorSetupFilter(IOptions<TwoFactorOptions> options) : IAsyncPageFilter
{
    public const string SetupPage = "/Account/TwoFactor";

    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        SetupPage, "/Account/SignOut", "/Account/AccessDenied", "/Language", "/Status", "/Error",
    };

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (options.Value.MustSetUp(user) && !Allowed.Contains(context.ActionDescriptor.ViewEnginePath))
        {
            var here = string.Concat(context.HttpContext.Request.PathBase, context.HttpContext.Request.Path, context.HttpContext.Request.QueryString);
            context.Result = new RedirectToPageResult(SetupPage, new { returnUrl = here });
            return;
        }
        await next();
    }
}

public static partial class TwoFactorStartup
{
    /// <summary>Says at start-up when nobody is required to have a second factor (a demonstration or test installation).</summary>
    public static void WarnIfOptional(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<TwoFactorOptions>>().Value.Policy == TwoFactorPolicy.Optional)
        {
            LogOptional(app.Logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "TwoFactor:Policy is Optional: admins may sign in with a password only. Use it for a demonstration or a test installation, never in service")]
    private static partial void LogOptional(ILogger logger);
}
