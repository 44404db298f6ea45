using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Domain;

namespace VocEdAlliance.Web.Pages.Shared;

public static class FormErrors
{
    /// <summary>Shows a rule the domain refused next to its field of the page's <c>Input</c> (or above the form when
    /// it names no field), in the user's language.</summary>
    public static void AddRefusal(this ModelStateDictionary modelState, DomainException refusal, IStringLocalizer t,
        IReadOnlyDictionary<string, string>? fieldNames = null)
    {
        var field = refusal.Field is { } name ? $"Input.{fieldNames?.GetValueOrDefault(name) ?? name}" : string.Empty;
        modelState.AddModelError(field, t[refusal.MessageKey, [.. refusal.Arguments]]);
    }
}
