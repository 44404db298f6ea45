using System.Globalization;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Platform;

/// <summary>Serilog, structured, to the console (compact JSON when <c>Logging:Json</c> is true; none when
/// <c>Logging:Console</c> is false). Sinks registered as services are added too. Request logs carry the user id and
/// organisation id, never a form body, query string or password.</summary>
public static class PortalLogging
{
    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        var json = builder.Configuration.GetValue<bool>("Logging:Json");
        var console = builder.Configuration.GetValue("Logging:Console", defaultValue: true);
        // AddSerilog with a callback and no static logger: each host (the tests run several in one process) keeps its own.
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Application", "VocEdAlliance");
            if (!console)
            {
                return;
            }
            if (json)
            {
                logger.WriteTo.Console(new CompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(formatProvider: CultureInfo.InvariantCulture);
            }
        });
    }

    public static void UsePortalRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                if (http.User.Identity?.IsAuthenticated == true)
                {
                    diagnostics.Set("UserId", http.User.GetUserId());
                    diagnostics.Set("OrganisationId", http.User.GetOrganisationId());
                }
            };
            options.GetLevel = (http, _, exception) =>
                exception is not null || http.Response.StatusCode >= StatusCodes.Status500InternalServerError
                    ? LogEventLevel.Error
                    : http.Request.Path.StartsWithSegments("/health")
                        ? LogEventLevel.Debug
                        : LogEventLevel.Information;
        });
}
