namespace VocEdAlliance.Web.Domain;

/// <summary>The dates the portal keeps: 1900-01-01 to 2100-12-31. Nothing in vocational-education cooperation lies
/// outside them, and every year-based figure (summaries, plans, rollups) is computed on dates in this range; the
/// database refuses the rest with CHECK constraints too (see the entity configurations).</summary>
public static class BusinessDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);
    public const int EarliestYear = 1900;
    public const int LatestYear = 2100;

    public static bool InRange(DateOnly date) => date >= Earliest && date <= Latest;

    public static bool InRange(int year) => year is >= EarliestYear and <= LatestYear;

    /// <summary>Refuses a date outside the range, on its field.</summary>
    public static DateOnly Check(DateOnly date, string field) =>
        InRange(date) ? date : throw new DomainException("Validation.DateOutOfRange", field, "1900-01-01", "2100-12-31");

    public static DateOnly? Check(DateOnly? date, string field) => date is { } d ? Check(d, field) : null;
}
