using System.Collections.Concurrent;

namespace VocEdAlliance.Web.Pages.Import;

/// <summary>How far the check or the commit of an upload has got, for the page's progress bar: rows checked of rows
/// in the file, then saving. Kept in this portal instance for ten minutes, and told only to the user who uploaded.
/// (Behind a load balancer another instance answers "unknown", and the bar just keeps moving.)</summary>
public sealed class ImportProgress(TimeProvider clock)
{
    public sealed record State(Guid UserId, string Phase, int Done, int Total, DateTimeOffset At);

    private readonly ConcurrentDictionary<Guid, State> operations = new();

    public void Report(Guid? operation, Guid userId, string phase, int done, int total)
    {
        if (operation is not { } id)
        {
            return;
        }
        var now = clock.GetUtcNow();
        operations[id] = new State(userId, phase, done, total, now);
        if (operations.Count > 1000)
        {
            foreach (var old in operations.Where(o => now - o.Value.At > TimeSpan.FromMinutes(10)).Select(o => o.Key).ToList())
            {
                operations.TryRemove(old, out _);
            }
        }
    }

    public State? Of(Guid operation, Guid userId) =>
        operations.TryGetValue(operation, out var state) && state.UserId == userId ? state : null;
}
