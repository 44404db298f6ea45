using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using VocEdAlliance.Web.Resources;

namespace VocEdAlliance.Web.Platform;

/// <summary>Every text, date and number a page binds — form fields and query-string filters alike — is read by
/// <see cref="InputRules"/>. A value the rules refuse is not bound at all: the property keeps its default (so a bad
/// filter filters nothing and a bad form field changes nothing) and the reason is shown next to the field, with what
/// the user typed kept in the form. A <see cref="RangeAttribute"/> on a number is checked here too, so an
/// out-of-range filter such as <c>year=-1</c> never reaches a query.</summary>
public static class PortalModelBinding
{
    public static IServiceCollection AddPortalModelBinding(this IServiceCollection services)
    {
        services.AddSingleton<IConfigureOptions<MvcOptions>, Setup>();
        return services;
    }

    private sealed class Setup(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options) =>
            options.ModelBinderProviders.Insert(0, new Provider(factory.Create(typeof(SharedResource))));
    }

    private sealed class Provider(IStringLocalizer t) : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
            return type == typeof(string) || type == typeof(DateOnly) || type == typeof(Domain.PartialDate) || type == typeof(int) || type == typeof(long) || type == typeof(decimal)
                   || type.IsEnum
                ? new Binder(type, t)
                : null;
        }
    }

    private sealed class Binder(Type type, IStringLocalizer t) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var given = context.ValueProvider.GetValue(context.ModelName);
            if (given == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }
            context.ModelState.SetModelValue(context.ModelName, given);
            var raw = given.FirstValue;
            var (value, error) = Read(raw, context.ModelMetadata);
            if (error is not null)
            {
                // An element of a list (a rubric's scores) has no name of its own: "this value".
                var field = context.ModelMetadata.MetadataKind == Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.ModelMetadataKind.Type
                    ? t["Field.Value"].Value
                    : t[context.ModelMetadata.GetDisplayName()].Value;
                context.ModelState.TryAddModelError(context.ModelName, type.IsEnum
                    // A choice not offered: named with what was typed, as the framework words it ("“xyz”不是层次的有效值").
                    ? context.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(raw ?? string.Empty, field)
                    : t[error.MessageKey, [field, .. error.Arguments]].Value);
                return Task.CompletedTask;
            }
            if (value is null && !context.ModelMetadata.IsReferenceOrNullableType)
            {
                context.ModelState.TryAddModelError(context.ModelName,
                    context.ModelMetadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(raw ?? string.Empty));
                return Task.CompletedTask;
            }
            context.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }

        private (object? Value, InputError? Error) Read(string? raw, ModelMetadata metadata)
        {
            if (type == typeof(string))
            {
                // A password is taken exactly as typed (spaces count), but never with control characters.
                if (metadata.DataTypeName == nameof(DataType.Password))
                {
                    return string.IsNullOrEmpty(raw) ? (null, null)
                        : Domain.Text.HasForbiddenCharacter(raw) ? (null, new InputError("Validation.ForbiddenCharacters")) : (raw, null);
                }
                return InputRules.ReadText(raw);
            }
            if (type == typeof(DateOnly))
            {
                return InputRules.ReadDate(raw);
            }
            if (type == typeof(Domain.PartialDate))
            {
                return InputRules.ReadPartialDate(raw);
            }
            if (type.IsEnum)
            {
                // A choice by its name, as the forms post it (any case, as links were written); never by its number,
                // which would name values no form offers ("7") or one by accident ("1").
                var text = raw?.Trim();
                return string.IsNullOrEmpty(text) ? (null, null)
                    : !char.IsAsciiDigit(text[0]) && text[0] is not ('-' or '+') && Enum.TryParse(type, text, ignoreCase: true, out var choice) && Enum.IsDefined(type, choice!)
                        ? (choice, null)
                        : (null, new InputError("Validation.NotAChoice"));
            }
            var (number, error) = type == typeof(decimal) && !metadata.ValidatorMetadata.OfType<WholeNumberAttribute>().Any()
                ? InputRules.ReadAmount(raw)
                : InputRules.ReadWholeNumber(raw) is var (whole, wholeError) ? ((decimal?)whole, wholeError) : default;
            if (error is not null || number is null)
            {
                return (null, error);
            }
            // The field's range first: 3,000,000,000 typed for a head count is told its range, not that it is no number.
            foreach (var range in metadata.ValidatorMetadata.OfType<RangeAttribute>())
            {
                if (InputRules.CheckRange(number.Value, range) is { } outside)
                {
                    return (null, outside);
                }
            }
            if (type == typeof(int) && number is < int.MinValue or > int.MaxValue)
            {
                return (null, new InputError("Validation.Number"));
            }
            return type == typeof(int) ? ((int)number.Value, null)
                : type == typeof(long) ? ((long)number.Value, null)
                : (number.Value, null);
        }
    }
}
