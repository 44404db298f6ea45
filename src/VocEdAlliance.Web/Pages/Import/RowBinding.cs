using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace VocEdAlliance.Web.Pages.Import;

/// <summary>An import row bound exactly as its form would be: the row's cells become form fields
/// (<c>Input.Name</c> …) and go through MVC's parameter binding — the portal's binders (<see cref="Platform.InputRules"/>:
/// text without control or bidi characters, dates 1900–2100, whole numbers, amounts to the fen) — and the input model's
/// validation attributes, with the same localized messages. The row's problems end up in its own
/// <see cref="ModelStateDictionary"/>, keyed like the form's.</summary>
public sealed class RowBinding(IModelMetadataProvider metadata, IModelBinderFactory binders, ParameterBinder parameters)
{
    public Task<(TInput Input, ModelStateDictionary Errors)> BindAsync<TInput>(ActionContext page, IReadOnlyDictionary<string, string?> fields)
        where TInput : class, new()
    {
        var form = new FormCollection(fields.Where(f => !string.IsNullOrEmpty(f.Value))
            .ToDictionary(f => "Input." + f.Key, f => new StringValues(f.Value)));
        return BindAsync<TInput>(page, new FormValueProvider(BindingSource.Form, form, CultureInfo.InvariantCulture),
            new BindingInfo { BinderModelName = "Input", BindingSource = BindingSource.Form });
    }

    /// <summary>A query string bound as a page binds its <c>[FromQuery]</c> model (the summaries' filters, for the API).</summary>
    public Task<(TInput Input, ModelStateDictionary Errors)> BindQueryAsync<TInput>(ActionContext page, IQueryCollection query)
        where TInput : class, new() =>
        BindAsync<TInput>(page, new QueryStringValueProvider(BindingSource.Query, query, CultureInfo.InvariantCulture),
            new BindingInfo { BindingSource = BindingSource.Query });

    private async Task<(TInput Input, ModelStateDictionary Errors)> BindAsync<TInput>(ActionContext page, IValueProvider values, BindingInfo binding)
        where TInput : class, new()
    {
        var errors = new ModelStateDictionary();
        var context = new ActionContext(page.HttpContext, page.RouteData, page.ActionDescriptor, errors);
        var model = metadata.GetMetadataForType(typeof(TInput));
        var binder = binders.CreateBinder(new ModelBinderFactoryContext { Metadata = model, BindingInfo = binding, CacheToken = (typeof(TInput), binding.BindingSource) });
        var parameter = new ParameterDescriptor { Name = "Input", ParameterType = typeof(TInput), BindingInfo = binding };
        var result = await parameters.BindModelAsync(context, binder, values, parameter, model, value: null, container: null);
        return (result.Model as TInput ?? new TInput(), errors);
    }
}
