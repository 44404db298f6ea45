using Microsoft.Extensions.Caching.Memory;

namespace VocEdAlliance.Web.Summaries;

/// <summary>Summaries already worked out, exactly as they were shown: keyed by the reader's scope, the filters, the
/// language, the day and the summaries' version (<see cref="SummaryStore.VersionAsync"/>), which grows with every change
/// to what they show, so an entry is never served once a record it counts has changed. Per instance; a few hundred
/// entries at most, each dropped after ten minutes unused.</summary>
public sealed class SummaryCache : IDisposable
{
    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = 400 });

    public async Task<T> GetOrAddAsync<T>(string key, Func<Task<T>> work) where T : class
    {
        if (entries.TryGetValue(key, out T? found) && found is not null)
        {
            return found;
        }
        var made = await work();
        entries.Set(key, made, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return made;
    }

    public void Dispose() => entries.Dispose();
}
