using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Domain.Regions;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Data;

/// <summary>The administrative divisions in memory (about 3,350 rows of reference data, read once): names, paths and
/// the search behind the region pickers, without a query per row or per keystroke.</summary>
public sealed class RegionDirectory(IServiceScopeFactory scopes) : IDisposable
{
    public sealed record Entry(string Code, string Name, string? NameEn, RegionLevel Level, string? ParentCode,
        MacroZone MacroZone, bool IsDevelopmentZone, bool IsStatisticalGrouping, bool IsCurrent)
    {
        public string DisplayName(CultureInfo culture) =>
            culture.TwoLetterISOLanguageName == "en" && NameEn is not null ? NameEn : Name;
    }

    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile IReadOnlyDictionary<string, Entry>? entries;
    private volatile ILookup<string, string>? children;

    private async Task<IReadOnlyDictionary<string, Entry>> EntriesAsync()
    {
        if (entries is { } loaded)
        {
            return loaded;
        }
        await loading.WaitAsync();
        try
        {
            if (entries is null)
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentAccess>().UseSystemScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var rows = await db.Regions.AsNoTracking()
                    .Select(r => new Entry(r.Code, r.Name, r.NameEn, r.Level, r.ParentCode, r.MacroZone,
                        r.IsDevelopmentZone, r.IsStatisticalGrouping, r.ValidTo == null))
                    .ToListAsync();
                children = rows.Where(r => r.ParentCode is not null).ToLookup(r => r.ParentCode!, r => r.Code, StringComparer.Ordinal);
                entries = rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
            }
            return entries!;
        }
        finally
        {
            loading.Release();
        }
    }

    public void Dispose() => loading.Dispose();

    /// <summary>The current provinces, by code.</summary>
    public async Task<IReadOnlyList<Entry>> ProvincesAsync() =>
        [.. (await EntriesAsync()).Values.Where(e => e.Level == RegionLevel.Province && e.IsCurrent).OrderBy(e => e.Code, StringComparer.Ordinal)];

    /// <summary>Forget what was read (after the reference data was reloaded).</summary>
    public void Invalidate() => entries = null;

    public async Task<Entry?> FindAsync(string? code) =>
        code is not null && (await EntriesAsync()).TryGetValue(code, out var entry) ? entry : null;

    /// <summary>"湖南省 长沙市 浏阳市": the region and its ancestors, statistical groupings left out.</summary>
    public async Task<string> PathAsync(string code, CultureInfo culture)
    {
        var all = await EntriesAsync();
        var names = new List<string>();
        for (var current = all.GetValueOrDefault(code); current is not null; current = current.ParentCode is { } p ? all.GetValueOrDefault(p) : null)
        {
            if (!current.IsStatisticalGrouping)
            {
                names.Insert(0, current.DisplayName(culture));
            }
        }
        return names.Count > 0 ? string.Join(' ', names) : code;
    }

    /// <summary>A place an institution can be: a current county, or a prefecture-level city without counties.</summary>
    public async Task<bool> IsLocationAsync(string code)
    {
        var entry = await FindAsync(code);
        await EntriesAsync();
        return entry is { IsCurrent: true, IsDevelopmentZone: false, IsStatisticalGrouping: false }
               && (entry.Level == RegionLevel.County || (entry.Level == RegionLevel.Prefecture && !children!.Contains(code)));
    }

    /// <summary>What a person typed into a region picker: a suggestion ("430181 浏阳市 …"), a code, or a name that
    /// only one place has. Returns the code, or the resource key of what is wrong.</summary>
    public async Task<(string? Code, string? ErrorKey)> ResolveLocationAsync(string? typed)
    {
        var text = typed?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return (null, "Region.Required");
        }
        if (text.Length >= 6 && RegionCode.IsWellFormed(text[..6]))
        {
            return await IsLocationAsync(text[..6]) ? (text[..6], null) : (null, "Region.NotALocation");
        }
        var named = (await EntriesAsync()).Values.Where(e => e.Name == text || string.Equals(e.NameEn, text, StringComparison.OrdinalIgnoreCase)).ToList();
        var locations = new List<Entry>();
        foreach (var entry in named)
        {
            if (await IsLocationAsync(entry.Code))
            {
                locations.Add(entry);
            }
        }
        return locations.Count switch
        {
            1 => (locations[0].Code, null),
            0 => (null, "Region.Unknown"),
            _ => (null, "Region.Ambiguous"),
        };
    }

    /// <summary>A region of any level for a filter: a code, a suggestion, or a name only one region has.</summary>
    public async Task<Entry?> ResolveAnyAsync(string? typed)
    {
        var text = typed?.Trim() ?? string.Empty;
        if (text.Length >= 6 && RegionCode.IsWellFormed(text[..6]))
        {
            return await FindAsync(text[..6]);
        }
        var named = (await EntriesAsync()).Values
            .Where(e => e.IsCurrent && !e.IsStatisticalGrouping && (e.Name == text || string.Equals(e.NameEn, text, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>Regions whose name (Chinese or English) or code contains the text, within a jurisdiction prefix.</summary>
    public async Task<IReadOnlyList<Entry>> SearchAsync(string text, string? withinPrefix, bool locationsOnly, int limit)
    {
        var all = await EntriesAsync();
        text = text.Trim();
        if (text.Length == 0)
        {
            return [];
        }
        var matches = new List<Entry>();
        foreach (var entry in all.Values.OrderBy(e => e.Code, StringComparer.Ordinal))
        {
            if (!entry.IsCurrent || entry.IsDevelopmentZone || entry.IsStatisticalGrouping
                || (withinPrefix is not null && !entry.Code.StartsWith(withinPrefix, StringComparison.Ordinal))
                || (locationsOnly && !await IsLocationAsync(entry.Code)))
            {
                continue;
            }
            if (entry.Code.StartsWith(text, StringComparison.Ordinal)
                || entry.Name.Contains(text, StringComparison.Ordinal)
                || (entry.NameEn?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false))
            {
                matches.Add(entry);
                if (matches.Count == limit)
                {
                    break;
                }
            }
        }
        return matches;
    }
}
