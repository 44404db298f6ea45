
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Domain.Regions;

namespace VocEdAlliance.Web.Data.Seed.Divisions;

/// <summary>Loads China's administrative divisions (docs/data-sources.md) idempotently: new codes are added, changed
/// ones updated, codes the dataset no longer has are closed (valid-to), never deleted.</summary>
public static class DivisionLoader
{
    /// <summary>The vintage of the shipped dataset (china-division 2.7.0: the statistics office's 2023 codes).</summary>
    public static readonly DateOnly Vintage = new(2023, 1, 1);

    public static IReadOnlyList<Region> ReadShipped()
    {
        using var stream = typeof(DivisionLoader).Assembly.GetManifestResourceStream("VocEdAlliance.Divisions.csv")
                           ?? throw new InvalidOperationException("The divisions dataset is not embedded");
        using var reader = new StreamReader(stream);
        var regions = new List<Region>();
        reader.ReadLine(); // header
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            regions.Add(new Region(
                code: f[0], name: f[1], nameEn: f[2].Length > 0 ? f[2] : null,
                level: Enum.Parse<RegionLevel>(f[3]), parentCode: f[4].Length > 0 ? f[4] : null,
                macroZone: Enum.Parse<MacroZone>(f[5]),
                isDevelopmentZone: bool.Parse(f[6]), isStatisticalGrouping: bool.Parse(f[7]),
                validFrom: Vintage));
        }
        return regions;
    }

    /// <returns>How many rows were added, updated and closed.</returns>
    public static async Task<(int Added, int Updated, int Closed)> LoadAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var shipped = ReadShipped();
        var existing = await db.Regions.ToDictionaryAsync(r => r.Code, cancellationToken);
        int added = 0, updated = 0, closed = 0;
        // Parents before children: one save per level keeps the self-reference satisfied.
        foreach (var level in new[] { RegionLevel.Province, RegionLevel.Prefecture, RegionLevel.County })
        {
            foreach (var region in shipped.Where(r => r.Level == level))
            {
                if (existing.TryGetValue(region.Code, out var current))
                {
                    updated += current.UpdateFrom(region) ? 1 : 0;
                }
                else
                {
                    db.Regions.Add(region);
                    added++;
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        var codes = shipped.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in existing.Values.Where(r => !codes.Contains(r.Code) && r.ValidTo is null))
        {
            gone.Close(Vintage);
            closed++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return (added, updated, closed);
    }
}
