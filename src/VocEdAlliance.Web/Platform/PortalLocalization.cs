using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using VocEdAlliance.Web.Resources;

namespace VocEdAlliance.Web.Platform;

/// <summary>The portal speaks zh-CN by default and English on request (the language switch stores a cookie; a
/// <c>?culture=en</c> link works too). The browser's Accept-Language is ignored on purpose: offices share machines
/// with English browsers. Both cultures write dates as <c>yyyy-MM-dd</c>.</summary>
public static class PortalLocalization
{
    public const string DateFormat = "yyyy-MM-dd";

    public static CultureInfo Chinese { get; } = Create("zh-CN");
    public static CultureInfo English { get; } = Create("en");
    public static IReadOnlyList<CultureInfo> Supported { get; } = [Chinese, English];

    public static bool IsSupported(string? name) =>
        Supported.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    private static CultureInfo Create(string name)
    {
        var culture = new CultureInfo(name);
        culture.DateTimeFormat.ShortDatePattern = DateFormat;
        culture.DateTimeFormat.DateSeparator = "-";
        return culture;
    }

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        // Razor would write every Chinese character as &#x...; entities: let it write them as they are.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<JsonOptions>(options => options.JsonSerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Chinese);
            options.SupportedCultures = [.. Supported];
            options.SupportedUICultures = [.. Supported];
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();
        return services;
    }

    /// <summary>Model-binding errors ("the value 'x' is not valid") in the user's language.</summary>
    private sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options)
        {
            var t = factory.Create(typeof(SharedResource));
            var messages = options.ModelBindingMessageProvider;
            messages.SetValueIsInvalidAccessor(value => t["Validation.ValueInvalid", value]);
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => t["Validation.AttemptedValueInvalid", value, field]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["Validation.ValueInvalid", value]);
            messages.SetUnknownValueIsInvalidAccessor(field => t["Validation.UnknownValueInvalid", field]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Validation.NonPropertyUnknownValueInvalid"]);
            messages.SetValueMustNotBeNullAccessor(field => t["Validation.Required", field]);
            messages.SetMissingBindRequiredValueAccessor(field => t["Validation.Required", field]);
            messages.SetMissingKeyOrValueAccessor(() => t["Validation.MissingKeyOrValue"]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => t["Validation.MissingRequestBody"]);
            messages.SetValueMustBeANumberAccessor(field => t["Validation.MustBeNumber", field]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => t["Validation.NonPropertyMustBeNumber"]);
        }
    }
}
