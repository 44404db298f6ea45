using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using VocEdAlliance.Web.Platform;

namespace VocEdAlliance.IntegrationTests.Infrastructure;

/// <summary>The real portal (Program.cs, real PostgreSQL) hosted for tests. Its start applies the migrations and loads
/// reference and demo data, as scripts/run does; every log event is kept in <see cref="Logs"/>.</summary>
/// <param name="clock">Where the portal's clock starts (it runs on from there); the real time when null.</param>
public sealed class PortalFactory(string connectionString, bool seedDemo = true, IReadOnlyDictionary<string, string>? settings = null,
    DateTimeOffset? clock = null)
    : WebApplicationFactory<Program>
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        builder.UseSetting("Database:ApplyMigrations", "true");
        builder.UseSetting("Database:SeedDemo", seedDemo ? "true" : "false");
        builder.UseSetting("Logging:Console", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
        // The suite signs in hundreds of times a minute from one address: its own tests set lower limits.
        builder.UseSetting("RateLimits:SignInPerAddressPerMinute", "100000");
        builder.UseSetting("RateLimits:SignInPerAccountPerMinute", "100000");
        // The suite signs in as the demo admins everywhere; TwoFactorTests require the second factor of their own.
        builder.UseSetting("TwoFactor:Policy", "Optional");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            if (clock is { } start)
            {
                var shifted = new PortalClock(new ShiftedClock(start), TimeZoneInfo.FindSystemTimeZoneById(PortalClock.DefaultTimeZone));
                services.AddSingleton(shifted);
                services.AddSingleton<TimeProvider>(shifted);
            }
        });
    }
}

/// <summary>Time that starts at a given moment and runs on at the real pace.</summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly long started = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + System.GetElapsedTime(started);
}

/// <summary>A Serilog sink that keeps what the portal logged, rendered, for tests that read the logs.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly List<string> lines = [];

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        logEvent.RenderMessage(writer, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var property in logEvent.Properties)
        {
            writer.Write($" {property.Key}={property.Value}");
        }
        if (logEvent.Exception is not null)
        {
            writer.Write($" {logEvent.Exception}");
        }
        lock (lines)
        {
            lines.Add(writer.ToString());
        }
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return [.. lines];
            }
        }
    }
}
