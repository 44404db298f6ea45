namespace VocEdAlliance.Web.Domain.Programmes;

/// <summary>重点产业 / 产业链: an industry a region's bureau names as key for a period (from a year, to a year or open).
/// A programme is aligned with local key industries in a year when it is linked to a key industry of its own region or
/// a region above it that is in force that year (<see cref="AlignmentRule"/>). Public reference: every user reads it;
/// the region's bureaus keep it.</summary>
public sealed class KeyIndustry
{
    public const int NameMaxLength = 100;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The region it is key for (a province, prefecture or county code).</summary>
    public string RegionCode { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public int FromYear { get; private set; }
    public int? ToYear { get; private set; }
    public uint Version { get; private set; }

    private KeyIndustry()
    {
    }

    public KeyIndustry(string regionCode, string name, int fromYear, int? toYear)
    {
        RegionCode = Regions.RegionCode.Validate(regionCode);
        Change(name, fromYear, toYear);
    }

    public void Change(string name, int fromYear, int? toYear)
    {
        var checkedName = Text.Required(name, nameof(Name), NameMaxLength);
        if (!BusinessDates.InRange(fromYear) || (toYear is { } to && !BusinessDates.InRange(to)))
        {
            throw new DomainException("Programme.Year", nameof(FromYear), BusinessDates.EarliestYear, BusinessDates.LatestYear);
        }
        if (toYear < fromYear)
        {
            throw new DomainException("KeyIndustry.EndsBeforeItStarts", nameof(ToYear));
        }
        Name = checkedName;
        FromYear = fromYear;
        ToYear = toYear;
    }

    public bool InForceIn(int year) => FromYear <= year && (ToYear is null || ToYear >= year);
}

/// <summary>The one rule of alignment (专业与重点产业对接), used by the programme pages and by the figures.</summary>
public static class AlignmentRule
{
    /// <summary>A programme open in the year, linked to a key industry in force that year whose region is the
    /// programme's or one above it.</summary>
    public static bool IsAligned(Programme programme, KeyIndustry? industry, int year) =>
        programme.IsOpenIn(year) && industry is not null && industry.InForceIn(year)
        && programme.RegionCode.StartsWith(Regions.RegionCode.JurisdictionPrefix(industry.RegionCode), StringComparison.Ordinal);
}
