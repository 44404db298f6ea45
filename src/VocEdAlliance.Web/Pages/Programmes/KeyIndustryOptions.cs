using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Programmes;
using VocEdAlliance.Web.Domain.Regions;

namespace VocEdAlliance.Web.Pages.Programmes;

/// <summary>The key industries a school's programme may serve: those of the school's region and the regions above it
/// (the programme form's choices, and what the import looks a name up among).</summary>
public static class KeyIndustryOptions
{
    public static Task<List<KeyIndustry>> ForRegionAsync(AppDbContext db, string regionCode)
    {
        var regions = RegionCode.Prefixes(regionCode).Select(RegionCode.OfPrefix).ToList();
        return db.KeyIndustries.AsNoTracking().Where(k => regions.Contains(k.RegionCode)).OrderBy(k => k.Name).ToListAsync();
    }
}
