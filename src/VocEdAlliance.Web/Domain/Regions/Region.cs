namespace VocEdAlliance.Web.Domain.Regions;

public enum RegionLevel
{
    Province,
    Prefecture,
    County,
}

/// <summary>NBS macro zones of provinces.</summary>
public enum MacroZone
{
    East,
    Central,
    West,
    Northeast,
}

/// <summary>An administrative division (行政区划) with its 6-digit code: <c>430000</c> Hunan, <c>430100</c> Changsha,
/// <c>430181</c> Liuyang. Reference data: loaded from docs/data-sources.md's dataset, never edited in the portal.
/// <see cref="ValidTo"/> keeps history when a later vintage abolishes or renumbers a division.</summary>
public class Region
{
    public string Code { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public string? NameEn { get; private set; }
    public RegionLevel Level { get; private set; }
    public string? ParentCode { get; private set; }
    public MacroZone MacroZone { get; private set; }

    /// <summary>A development zone, scenic area or similar listed by the statistics office but not an administrative
    /// unit: kept for completeness, offered in no picker.</summary>
    public bool IsDevelopmentZone { get; private set; }

    /// <summary>"市辖区" or "省直辖县级行政区划": a statistical grouping level, not a real prefecture.</summary>
    public bool IsStatisticalGrouping { get; private set; }

    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }

    private Region()
    {
    }

    public Region(string code, string name, string? nameEn, RegionLevel level, string? parentCode, MacroZone macroZone,
        bool isDevelopmentZone, bool isStatisticalGrouping, DateOnly validFrom)
    {
        Code = RegionCode.Validate(code);
        Name = name;
        NameEn = nameEn;
        Level = level;
        ParentCode = parentCode;
        MacroZone = macroZone;
        IsDevelopmentZone = isDevelopmentZone;
        IsStatisticalGrouping = isStatisticalGrouping;
        ValidFrom = validFrom;
    }

    /// <summary>Brings a row in line with a newer vintage of the source (same code).</summary>
    public bool UpdateFrom(Region source)
    {
        var changed = Name != source.Name || NameEn != source.NameEn || Level != source.Level
                      || ParentCode != source.ParentCode || MacroZone != source.MacroZone
                      || IsDevelopmentZone != source.IsDevelopmentZone || IsStatisticalGrouping != source.IsStatisticalGrouping
                      || ValidTo is not null;
        Name = source.Name;
        NameEn = source.NameEn;
        Level = source.Level;
        ParentCode = source.ParentCode;
        MacroZone = source.MacroZone;
        IsDevelopmentZone = source.IsDevelopmentZone;
        IsStatisticalGrouping = source.IsStatisticalGrouping;
        ValidTo = null;
        return changed;
    }

    /// <summary>The division is no longer in the current vintage: it stays, closed, so old records keep their place.</summary>
    public void Close(DateOnly validTo) => ValidTo ??= validTo;
}
