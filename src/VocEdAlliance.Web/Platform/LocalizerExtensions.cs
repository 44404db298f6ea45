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
}
