using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Platform;

/// <summary>Who may scrape <c>/metrics</c> without signing in: the addresses or networks (CIDR) of the Prometheus
/// servers (<c>Metrics:Scrapers</c>, e.g. <c>["10.0.8.0/24", "127.0.0.1"]</c>). Anyone else must be a signed-in
/// system administrator.</summary>
public sealed class MetricsOptions
{
    public string[] Scrapers { get; set; } = [];

    /// <summary>Whether a request from <paramref name="address"/> is a configured scraper's.</summary>
    public bool IsScraper(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }
        var client = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        foreach (var entry in Scrapers)
        {
            var text = entry.Trim();
            if (IPNetwork.TryParse(text, out var network) ? network.Contains(client)
                : IPAddress.TryParse(text, out var single) && single.Equals(client))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>The portal's own measurements, beside ASP.NET Core's (requests by route, status and duration; Kestrel;
/// Identity's sign-ins) and Npgsql's (connections, commands): the summaries' catch-up, the outbox, refused sign-ins.
/// Exposed in Prometheus' text format at <c>/metrics</c> (OpenTelemetry's exporter), to a configured scraper address
/// or a system administrator; docs/operations.md lists the alerts worth setting.</summary>
public static partial class PortalMetrics
{
    public const string MeterName = "VocEdAlliance";
    public const string ScrapePolicy = "metrics-scrape";
    public const string Path = "/metrics";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> CatchUpDuration = Meter.CreateHistogram<double>("voced.summary.catch_up.duration", "s",
        "Time to bring the summaries' rollups up to date before a read");

    private static readonly Counter<long> SignInsRefused = Meter.CreateCounter<long>("voced.sign_in.refused", "{attempt}",
        "Sign-ins refused: wrong password, unknown account or locked out");

    private static readonly Counter<long> MailsSent = Meter.CreateCounter<long>("voced.outbox.sent", "{mail}", "Mails the outbox sent");

    private static readonly Counter<long> MailsFailed = Meter.CreateCounter<long>("voced.outbox.failed", "{mail}",
        "Attempts to send a mail that failed (it is tried again later)");

    public static void CatchUpTook(TimeSpan elapsed) => CatchUpDuration.Record(elapsed.TotalSeconds);

    public static void SignInRefused(string reason) => SignInsRefused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public static void MailSent() => MailsSent.Add(1);

    public static void MailFailed() => MailsFailed.Add(1);

    public static IServiceCollection AddPortalMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MetricsOptions>(configuration.GetSection("Metrics"));
        services.AddSingleton<BacklogGauges>();
        services.AddHostedService(provider => provider.GetRequiredService<BacklogGauges>());
        services.AddSingleton<IAuthorizationHandler, ScraperOrAdminHandler>();
        services.AddAuthorizationBuilder().AddPolicy(ScrapePolicy, policy => policy.AddRequirements(new ScraperOrAdminRequirement()));
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Identity",
                "Microsoft.AspNetCore.RateLimiting", "Npgsql")
            .AddPrometheusExporter());
        return services;
    }

    public static void MapPortalMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint(Path).RequireAuthorization(ScrapePolicy);

    private sealed class ScraperOrAdminRequirement : IAuthorizationRequirement;

    /// <summary>A system administrator who has the second factor the policy asks for (one still to set it up is
    /// sent to do so by every page, and gets no metrics either), or a configured scraper address.</summary>
    private sealed class ScraperOrAdminHandler(Microsoft.Extensions.Options.IOptionsMonitor<MetricsOptions> options,
        Microsoft.Extensions.Options.IOptions<TwoFactorOptions> twoFactor)
        : AuthorizationHandler<ScraperOrAdminRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScraperOrAdminRequirement requirement)
        {
            var http = context.Resource as HttpContext;
            if ((context.User.IsInRole(Roles.SystemAdmin) && !twoFactor.Value.MustSetUp(context.User))
                || options.CurrentValue.IsScraper(http?.Connection.RemoteIpAddress))
            {
                context.Succeed(requirement);
            }
            return Task.CompletedTask;
        }
    }

    // What waits, as last read by a BacklogGauges (one per process matters: the figures are the database's).
    private static long summaryPending;
    private static long outboxPending;
    private static double outboxOldestAge;

    static PortalMetrics()
    {
        Meter.CreateObservableGauge("voced.summary.pending", () => Interlocked.Read(ref summaryPending), "{owner}",
            "Agreements and alliances whose summaries wait to be recounted (the catch-up backlog)");
        Meter.CreateObservableGauge("voced.outbox.pending", () => Interlocked.Read(ref outboxPending), "{mail}", "Mails waiting to be sent");
        Meter.CreateObservableGauge("voced.outbox.oldest_age", () => Volatile.Read(ref outboxOldestAge), "s",
            "Age of the oldest mail waiting to be sent (0 when none)");
    }

    /// <summary>What waits, read from the database every <see cref="Interval"/> (an observable gauge's callback must not
    /// query): owners whose summaries are still to be recounted, mails not yet sent and the age of the oldest.</summary>
    public sealed partial class BacklogGauges(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BacklogGauges> logger) : BackgroundService
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

        public async Task SampleAsync(CancellationToken cancellationToken = default)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentAccess>().UseSystemScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var pending = await db.Database.SqlQuery<long>($"""SELECT count(*) AS "Value" FROM summary_pending""").SingleAsync(cancellationToken);
            var unsent = db.OutboxMails.Where(m => m.SentAt == null);
            var count = await unsent.LongCountAsync(cancellationToken);
            var oldest = await unsent.MinAsync(m => (DateTimeOffset?)m.CreatedAt, cancellationToken);
            Interlocked.Exchange(ref summaryPending, pending);
            Interlocked.Exchange(ref outboxPending, count);
            Interlocked.Exchange(ref outboxOldestAge, oldest is { } at ? Math.Max(0, (clock.GetUtcNow() - at).TotalSeconds) : 0);
        }

        protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
            PeriodicWork.RunAsync(Interval, clock, SampleAsync, failure => LogSampleFailed(logger, failure), stoppingToken);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the backlog for the metrics failed")]
        private static partial void LogSampleFailed(ILogger logger, Exception exception);
    }
}
