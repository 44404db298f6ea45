using System.Globalization;
using Microsoft.Extensions.Localization;

namespace VocEdAlliance.Web.Platform;

public static class LocalizerExtensions
{
    /// <summary>An enum value in the user's language: resource key <c>{EnumType}.{Value}</c>.</summary>
    public static string Enum<TEnum>(this IStringLocalizer t, TEnum value) where TEnum : struct, System.Enum =>
        t[$"{typeof(TEnum).Name}.{value}"];

    /// <summary>A date as the portal always writes it: yyyy-MM-dd.</summary>
    public static string Date(DateOnly? date) =>
        date?.ToString(PortalLocalization.DateFormat, CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>A date as precise as its source: 2016-04-18 for a day; for a month or a year, 2016年4月 / 2016年 in
    /// Chinese and 2016-04 / 2016 otherwise (no invented day).</summary>
    public static string Date(Domain.PartialDate? date)
    {
        if (date is not { } known)
        {
            return string.Empty;
        }
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        return known.Precision switch
        {
            Domain.DatePrecision.Year when chinese => $"{known.Start.Year}年",
            Domain.DatePrecision.Month when chinese => $"{known.Start.Year}年{known.Start.Month}月",
            Domain.DatePrecision.Day => Date(known.Start),
            _ => known.ToString(),
        };
    }
}
