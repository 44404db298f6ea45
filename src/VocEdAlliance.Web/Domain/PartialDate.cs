using System.Globalization;

namespace VocEdAlliance.Web.Domain;

/// <summary>How much of a date its source gives: the day, only the month, or only the year.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Year,
}

/// <summary>A date as precise as its source ("2016", "2016-04", "2016-04-18"): kept as the first day of the period it
/// names and its precision, so that sorting and year filters work as for any date — a year-only date counts in its year —
/// and no day is invented (shown as 2016年 / 2016年4月 / 2016-04-18).</summary>
public readonly record struct PartialDate
{
    public DateOnly Start { get; }
    public DatePrecision Precision { get; }

    public PartialDate(DateOnly date, DatePrecision precision)
    {
        Precision = precision;
        Start = precision switch
        {
            DatePrecision.Year => new DateOnly(date.Year, 1, 1),
            DatePrecision.Month => new DateOnly(date.Year, date.Month, 1),
            _ => date,
        };
    }

    public static PartialDate OfDay(DateOnly day) => new(day, DatePrecision.Day);

    /// <summary>A full date is a date known to the day.</summary>
    public static implicit operator PartialDate(DateOnly day) => OfDay(day);

    public static PartialDate OfYear(int year) => new(new DateOnly(year, 1, 1), DatePrecision.Year);

    /// <summary>The last day of the period (the day itself for a full date).</summary>
    public DateOnly End => Precision switch
    {
        DatePrecision.Year => new DateOnly(Start.Year, 12, 31),
        DatePrecision.Month => Start.AddMonths(1).AddDays(-1),
        _ => Start,
    };

    /// <summary>As typed and exported: 2016, 2016-04 or 2016-04-18.</summary>
    public override string ToString() => Start.ToString(Precision switch
    {
        DatePrecision.Year => "yyyy",
        DatePrecision.Month => "yyyy-MM",
        _ => "yyyy-MM-dd",
    }, CultureInfo.InvariantCulture);

    private static readonly string[] Days = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日"];
    private static readonly string[] Months = ["yyyy-MM", "yyyy-M", "yyyy/M", "yyyy.M", "yyyy年M月"];
    private static readonly string[] Years = ["yyyy", "yyyy年"];

    /// <summary>A year, a month or a day in any of the usual spellings (2016, 2016年, 2016-4, 2016年4月, 2016/4/18…);
    /// null when the text is none of them.</summary>
    public static PartialDate? Parse(string text)
    {
        foreach (var (formats, precision) in new[] { (Days, DatePrecision.Day), (Months, DatePrecision.Month), (Years, DatePrecision.Year) })
        {
            if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return new PartialDate(date, precision);
            }
        }
        return null;
    }
}
