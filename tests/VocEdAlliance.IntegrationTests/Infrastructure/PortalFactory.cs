using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace VocEdAlliance.IntegrationTests.Infrastructure;

/// <summary>The real portal (Program.cs, real PostgreSQL) hosted for tests. Its start applies the migrations and loads
/// reference and demo data, as scripts/run does; every log event is kept in <see cref="Logs"/>.</summary>
public sealed class PortalFactory(string connectionString, bool seedDemo = true, IReadOnlyDictionary<string, string>? settings = null)
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
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
    }
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
