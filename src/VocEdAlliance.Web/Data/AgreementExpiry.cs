using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Data;

/// <summary>Expires active agreements whose end date has passed: at start and then every few hours, as the system
/// (the history says so).</summary>
public sealed partial class AgreementExpiry(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AgreementExpiry> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    /// <returns>How many agreements expired.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().UseSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var ended = await db.Agreements
            .Where(a => a.Status == AgreementStatus.Active && a.EffectiveTo != null && a.EffectiveTo < today)
            .ToListAsync(cancellationToken);
        var expired = ended.Count(a => a.ExpireIfEnded(today));
        await db.SaveChangesAsync(cancellationToken);
        if (expired > 0)
        {
            LogExpired(logger, expired);
        }
        return expired;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} agreements expired at their end date")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiring agreements failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
