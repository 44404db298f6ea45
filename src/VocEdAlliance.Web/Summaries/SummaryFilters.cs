using System.ComponentModel.DataAnnotations;
using System.Globalization;
using VocEdAlliance.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Regions;

namespace VocEdAlliance.Web.Summaries;

/// <summary>How a year range chooses agreements: signed (took effect) in those years, or in force at some time during
/// them. Activities are always chosen by the year they started.</summary>
public enum YearMode
{
    SignedWithin,
    InForceWithin,
}

/// <summary>The filters of every summary view, kept in the address so a view can be shared.</summary>
public sealed class SummaryFilters
{
    [FromQuery(Name = "from"), Range(BusinessDates.EarliestYear, BusinessDates.LatestYear), Display(Name = "Summary.FromYear")]
    public int? FromYear { get; set; }

    [FromQuery(Name = "to"), Range(BusinessDates.EarliestYear, BusinessDates.LatestYear), Display(Name = "Summary.ToYear")]
    public int? ToYear { get; set; }
    [FromQuery(Name = "years"), Display(Name = "Summary.YearMode")] public YearMode Years { get; set; }

    /// <summary>Whether a year range is given (else every agreement and activity counts, whatever its year).</summary>
    public bool HasYears => FromYear is not null || ToYear is not null;

    [FromQuery(Name = "kind"), Display(Name = "Field.ActivityKind")] public ActivityKind? Kind { get; set; }
    /// <summary>The alliance as the user gave it: its id (links, exports) or its name (typed, or picked from the
    /// suggestions). The page resolves it to <see cref="AllianceId"/>.</summary>
    [FromQuery(Name = "alliance"), Display(Name = "Field.Alliance")] public string? Alliance { get; set; }

    /// <summary>The chosen alliance, once resolved from <see cref="Alliance"/>.</summary>
    public Guid? AllianceId { get; set; }
    [FromQuery(Name = "zone"), Display(Name = "Summary.Zone")] public MacroZone? Zone { get; set; }

    /// <summary>A province, as its 2-digit prefix or 6-digit code.</summary>
    [FromQuery(Name = "province"), Display(Name = "Summary.Province")] public string? Province { get; set; }

    /// <summary>Where the by-region table is drilled to: a 2-, 4- or 6-digit prefix.</summary>
    [FromQuery(Name = "region"), Display(Name = "Field.Region")] public string? Region { get; set; }

    /// <summary>The page of the by-alliance table (the other tables are not paged); filters and drill links start
    /// again at page 1.</summary>
    [FromQuery(Name = "p")] public int AlliancePage { get; set; } = 1;

    public string? ProvincePrefix => Province is { Length: >= 2 } p && p.All(char.IsAsciiDigit) ? p[..2] : null;

    /// <summary>The drill-down, when it lies within the chosen province (choosing another province starts the by-region
    /// table again from the top).</summary>
    public string? RegionPrefix => Region is { Length: 2 or 4 or 6 } r && r.All(char.IsAsciiDigit)
                                   && (ProvincePrefix is not { } province || r.StartsWith(province, StringComparison.Ordinal)) ? r : null;

    public Dictionary<string, string> ToQuery(string? region = null)
    {
        var query = new Dictionary<string, string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query[key] = value;
            }
        }
        Add("from", FromYear?.ToString(CultureInfo.InvariantCulture));
        Add("to", ToYear?.ToString(CultureInfo.InvariantCulture));
        Add("years", HasYears && Years != YearMode.SignedWithin ? Years.ToString() : null);
        Add("kind", Kind?.ToString());
        Add("alliance", AllianceId?.ToString());
        Add("zone", Zone?.ToString());
        Add("province", ProvincePrefix);
        Add("region", region ?? RegionPrefix);
        return query;
    }
}
