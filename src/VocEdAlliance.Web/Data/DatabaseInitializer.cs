using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using VocEdAlliance.Web.Data.Seed;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Data;

/// <summary>Brings the database to what the portal needs before it serves: migrations, reference data, demo data.</summary>
public static partial class DatabaseInitializer
{
    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await InitialiseAsync(app.Services, options);
    }

    public static async Task InitialiseAsync(IServiceProvider rootServices, DatabaseOptions options)
    {
        if (!options.ApplyMigrations && !options.Recreate && !options.SeedDemo)
        {
            return;
        }
        await using var scope = rootServices.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<CurrentAccess>().UseSystemScope();
        var db = services.GetRequiredService<AppDbContext>();
        var logger = services.GetRequiredService<ILogger<AppDbContext>>();

        if (options.Recreate)
        {
            LogRecreating(logger);
            await db.Database.EnsureDeletedAsync();
        }
        if (options.ApplyMigrations || options.Recreate)
        {
            await EnsureDatabaseExistsAsync(db, logger);
            await MigrateAsync(db, services.GetRequiredService<ILoggerFactory>());
            var latest = db.Database.GetMigrations().LastOrDefault() ?? "(none)";
            LogMigrated(logger, latest);
            await ReferenceData.LoadAsync(services);
        }
        if (options.SeedDemo)
        {
            var organisations = await DemoOrganisations.LoadAsync(db, services.GetRequiredService<TimeProvider>().GetLocalNow().Year);
            var created = await DemoAccounts.LoadAsync(services, organisations);
            LogDemoLoaded(logger, DemoAccounts.All.Count, created);
            var admin = await db.Users.Where(u => u.Email == "admin@demo.local").Select(u => u.Id).SingleAsync();
            var records = await DemoData.LoadAsync(db, admin, services.GetRequiredService<TimeProvider>().GetLocalNow().Year);
            LogDemoRecords(logger, records);
        }
    }

    /// <summary>Creates the database through the server's maintenance database when it is missing. (EF's own check
    /// would log a connection error the first time, which reads like a fault to whoever watches the log.)</summary>
    private static async Task EnsureDatabaseExistsAsync(AppDbContext db, ILogger logger)
    {
        var target = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database!);
        if (await exists.ExecuteScalarAsync() is null)
        {
            LogCreatingDatabase(logger, target.Database!);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\" ENCODING 'UTF8'", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Applies the migrations. Npgsql learns whether the history table exists by querying it and catching
    /// the failure, which EF would log as an error on every first start: here that one event is demoted to Debug.</summary>
    private static async Task MigrateAsync(AppDbContext db, ILoggerFactory loggerFactory)
    {
        await using var migrations = PortalDatabase.CreateSystemContext(db.Database.GetConnectionString()!, options => options
            .UseLoggerFactory(loggerFactory)
            .ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug))));
        // Some migrations count what is already there (the summary rollups): on a national-scale database that takes
        // a minute or more, far past the default 30-second command timeout.
        migrations.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await migrations.Database.MigrateAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo records of the five seed systems: {Outcome}")]
    private static partial void LogDemoRecords(ILogger logger, DemoData.Outcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Creating database {Database}")]
    private static partial void LogCreatingDatabase(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping and recreating the database as requested")]
    private static partial void LogRecreating(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is at migration {Migration}")]
    private static partial void LogMigrated(ILogger logger, string migration);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data in place: {AccountCount} demo accounts, {CreatedCount} of them created now")]
    private static partial void LogDemoLoaded(ILogger logger, int accountCount, int createdCount);
}
