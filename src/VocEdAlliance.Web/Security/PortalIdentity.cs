using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using VocEdAlliance.Web.Data;

namespace VocEdAlliance.Web.Security;

/// <summary>ASP.NET Core Identity with the portal's own sign-in pages. Accounts are provisioned (no registration);
/// every endpoint requires a signed-in user unless it says <c>[AllowAnonymous]</c>.</summary>
public static class PortalIdentity
{
    public const int MaxFailedSignIns = 5;

    /// <summary>Longer passwords are refused before hashing (a 10,000-character one costs the server, helps no one).</summary>
    public const int PasswordMaxLength = 128;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static IServiceCollection AddPortalIdentity(this IServiceCollection services)
    {
        services.AddIdentity<ApplicationUser, IdentityRole<Guid>>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<PortalUserClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "VocEdAlliance.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/Account/SignIn";
            options.LogoutPath = "/Account/SignOut";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = SessionRevocation.ValidateAsync;
        });

        services.AddOptions<TwoFactorOptions>().BindConfiguration(TwoFactorOptions.Section);
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options => options.Filters.Add<TwoFactorSetupFilter>());
        services.AddScoped<IAuthorizationHandler, InstitutionAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, InstitutionChangeAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, AgreementAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, ActivityAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, AllianceAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, BureauPlanAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, ProgrammeAuthorizationHandler>();
        services.AddScoped<IAuthorizationHandler, KeyIndustryAuthorizationHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(AccountAdministration.ManagersPolicy, policy => policy.RequireRole(Roles.SystemAdmin, Roles.BureauAdmin))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }
}
