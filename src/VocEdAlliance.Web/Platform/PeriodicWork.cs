namespace VocEdAlliance.Web.Platform;

/// <summary>The loop of the portal's background jobs: run now, then at every interval until the portal stops; a run
/// that fails is logged and the next one tries again.</summary>
public static class PeriodicWork
{
    public static async Task RunAsync(TimeSpan interval, TimeProvider clock, Func<CancellationToken, Task> work, Action<Exception> failed,
        CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await work(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
