using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Domain;

namespace VocEdAlliance.Web.Pages.Shared;

public static class FormErrors
{
    /// <summary>What was refused about the form as a whole (a concurrent save, a rule without a field), above a form
    /// partial rendered <c>for="Input"</c>. The built-in model-only summary of such a partial shows only errors keyed
    /// "Input" and so hid the ones keyed "", which pages add: this shows both.</summary>
    public static IHtmlContent FormLevelErrors(this IHtmlHelper html)
    {
        var prefix = html.ViewData.TemplateInfo.HtmlFieldPrefix;
        var messages = new[] { string.Empty, prefix }.Distinct()
            .SelectMany(key => html.ViewData.ModelState.TryGetValue(key, out var entry) ? entry.Errors : [])
            .Select(e => e.ErrorMessage).Distinct().ToList();
        if (messages.Count == 0)
        {
            return HtmlString.Empty;
        }
        var box = new TagBuilder("div");
        box.AddCssClass("alert alert-danger validation-summary-errors");
        box.Attributes["role"] = "alert";
        var list = new TagBuilder("ul");
        list.AddCssClass("mb-0");
        foreach (var message in messages)
        {
            var item = new TagBuilder("li");
            item.InnerHtml.Append(message);
            list.InnerHtml.AppendHtml(item);
        }
        box.InnerHtml.AppendHtml(list);
        return box;
    }

    /// <summary>Why a filter of the address was not applied (a bad value is never bound), next to its field.</summary>
    public static IHtmlContent FilterError(this IHtmlHelper html, string key)
    {
        var errors = html.ViewData.ModelState.TryGetValue(key, out var entry) ? entry.Errors : null;
        if (errors is not { Count: > 0 })
        {
            return HtmlString.Empty;
        }
        var span = new TagBuilder("span");
        span.AddCssClass("text-danger small d-block");
        span.Attributes["data-testid"] = "filter-error";
        span.Attributes["id"] = key + "-error";
        span.InnerHtml.Append(errors[0].ErrorMessage);
        return span;
    }

    /// <summary>Shows a rule the domain refused next to its field of the page's <c>Input</c> (or above the form when
    /// it names no field), in the user's language.</summary>
    public static void AddRefusal(this ModelStateDictionary modelState, DomainException refusal, IStringLocalizer t,
        IReadOnlyDictionary<string, string>? fieldNames = null)
    {
        var field = refusal.Field is { } name ? $"Input.{fieldNames?.GetValueOrDefault(name) ?? name}" : string.Empty;
        modelState.AddModelError(field, t[refusal.MessageKey, [.. refusal.Arguments]]);
    }
}
