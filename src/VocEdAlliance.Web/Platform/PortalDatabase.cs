using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Platform;

public static class PortalDatabase
{
    /// <summary>PostgreSQL through EF Core with snake_case names; the data-protection key ring lives in the database
    /// too, so sign-in cookies survive restarts and work behind several instances.</summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Default is not set. Start the portal with scripts/run, or set ConnectionStrings__Default.");
        }
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentAccess>();
        services.AddSingleton<RegionDirectory>();
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.AddSingleton<AgreementExpiry>();
        services.AddHostedService(sp => sp.GetRequiredService<AgreementExpiry>());
        services.AddSingleton<Pages.Inbox.OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<Pages.Inbox.OutboxSender>());
        services.AddDbContext<AppDbContext>(options => options.UsePortalNpgsql(connectionString));
        services.AddDataProtection()
            .SetApplicationName("VocEdAlliance")
            .PersistKeysToDbContext<AppDbContext>();
        return services;
    }

    /// <summary>A context for start-up work and tools, outside any request: unrestricted access scope.</summary>
    public static AppDbContext CreateSystemContext(string connectionString, Action<DbContextOptionsBuilder>? configure = null)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UsePortalNpgsql(connectionString);
        configure?.Invoke(options);
        var access = new CurrentAccess(new HttpContextAccessor());
        access.UseSystemScope();
        return new AppDbContext(options.Options, access);
    }

    /// <summary>The one place that says how the portal talks to PostgreSQL (app, migrations, design-time tools).
    /// Lists count their records up to a cap (<c>Paging.ToPageAsync</c>): "take 10,001 in any order, count them" is
    /// meant, so EF Core's warning about a row limit without an order is logged at Debug, not on every list view.</summary>
    public static DbContextOptionsBuilder UsePortalNpgsql(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention()
            .ConfigureWarnings(w => w.Log((CoreEventId.RowLimitingOperationWithoutOrderByWarning, LogLevel.Debug)));
}
