using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Pages.Import;

namespace VocEdAlliance.Web.Api;

/// <summary>A request body bound exactly as the record's form is: the JSON object's members become the form's fields
/// and go through <see cref="RowBinding"/> — MVC's parameter binding with the portal's input rules (no control or
/// bidi characters, dates 1900–2100, whole numbers for people, amounts to the fen) and the input model's attributes,
/// with the same localized messages. Members are named as in the JSON the API returns (camelCase); a member the input
/// does not have is refused unless it is one of the record's read-only members (so that a record read with GET can
/// be changed and sent back whole).</summary>
public static class ApiInput
{
    public sealed record Bound<TInput>(TInput Input, ModelStateDictionary Errors);

    /// <summary>The body as the input model, or the 400 that says why it is not one (not JSON, not an object, a member
    /// the input does not have, a nested value).</summary>
    public static async Task<(Bound<TInput>? Bound, IResult? Refusal)> ReadAsync<TInput>(HttpContext http, IStringLocalizer t,
        IReadOnlySet<string>? readOnlyMembers = null)
        where TInput : class, new()
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, default, http.RequestAborted);
        }
        catch (JsonException)
        {
            return (null, ApiResults.Problem(t, StatusCodes.Status400BadRequest, "Api.Problem.NotJson"));
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, ApiResults.Problem(t, StatusCodes.Status400BadRequest, "Api.Problem.NotJson"));
            }
            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            var problems = new Dictionary<string, string[]>();
            foreach (var member in document.RootElement.EnumerateObject())
            {
                var property = Members<TInput>.ByJsonName.GetValueOrDefault(member.Name);
                if (property is null)
                {
                    if (readOnlyMembers?.Contains(member.Name) != true)
                    {
                        problems[member.Name] = [t["Api.Problem.UnknownMember"]];
                    }
                    continue;
                }
                switch (member.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        fields[property.Name] = member.Value.GetString();
                        break;
                    case JsonValueKind.Number:
                        fields[property.Name] = member.Value.GetRawText();
                        break;
                    case JsonValueKind.True or JsonValueKind.False:
                        fields[property.Name] = member.Value.GetBoolean() ? "true" : "false";
                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        problems[member.Name] = [t["Api.Problem.NotASingleValue"]];
                        break;
                }
            }
            if (problems.Count > 0)
            {
                return (null, Results.Problem(new HttpValidationProblemDetails(problems)
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = t["Api.Problem.BadBody"],
                }));
            }
            var page = new ActionContext(http, http.GetRouteData(), new ActionDescriptor());
            var (input, errors) = await http.RequestServices.GetRequiredService<RowBinding>().BindAsync<TInput>(page, fields);
            return (new Bound<TInput>(input, errors), null);
        }
    }

    /// <summary>The refusals of a bound input (its binding, the rules of its one code path, the domain's), as a 422 whose
    /// <c>errors</c> name the members as the JSON does.</summary>
    public static IResult Refused<TInput>(ModelStateDictionary errors, IStringLocalizer t, int status = StatusCodes.Status422UnprocessableEntity)
    {
        var byMember = errors.Where(e => e.Value is { Errors.Count: > 0 })
            .GroupBy(e => JsonName<TInput>(e.Key))
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value!.Errors).Select(x => x.ErrorMessage).Distinct().ToArray());
        return Results.Problem(new HttpValidationProblemDetails(byMember)
        {
            Status = status,
            Title = t[status == StatusCodes.Status422UnprocessableEntity ? "Api.Problem.Refused" : "Api.Problem.BadQuery"],
        });
    }

    /// <summary>"Input.CreditCode" → "creditCode"; a refusal of the record as a whole keeps the empty key.</summary>
    private static string JsonName<TInput>(string key)
    {
        var name = key.StartsWith("Input.", StringComparison.Ordinal) ? key["Input.".Length..] : key == "Input" ? string.Empty : key;
        return Members<TInput>.JsonNameOf.GetValueOrDefault(name, name);
    }

    /// <summary>The input model's members the API binds (those not marked <see cref="JsonIgnoreAttribute"/>), by their
    /// JSON names.</summary>
    private static class Members<TInput>
    {
        public static readonly IReadOnlyDictionary<string, PropertyInfo> ByJsonName = typeof(TInput)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.Ordinal);

        public static readonly IReadOnlyDictionary<string, string> JsonNameOf =
            ByJsonName.ToDictionary(p => p.Value.Name, p => p.Key, StringComparer.Ordinal);
    }
}
