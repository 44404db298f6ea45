using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using VocEdAlliance.Web.Domain;

namespace VocEdAlliance.Web.Platform;

/// <summary>A count kept in a decimal field (a plan's target of people, lectures, visits): read as a whole number.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class WholeNumberAttribute() : ValidationAttribute("Validation.WholeNumber")
{
    public override bool IsValid(object? value) => value is not decimal number || decimal.Truncate(number) == number;
}

/// <summary>Why a value as typed was refused: a resource key and its arguments, shown next to the field.</summary>
public sealed record InputError(string MessageKey, params object[] Arguments);

/// <summary>How the portal reads what people type, whichever door it comes through (a form, a query string, an
/// import or the API): one set of rules, applied by <see cref="PortalModelBinding"/> to every bound value.
/// <list type="bullet">
/// <item>text: trimmed; NUL, other control characters and bidirectional formatting characters refused (<see cref="Text"/>);</item>
/// <item>dates: <c>yyyy-MM-dd</c>, 1900-01-01 to 2100-12-31 (<see cref="BusinessDates"/>);</item>
/// <item>numbers: decimal digits only (no hex, no exponent), full-width digits and <c>48,000</c> / <c>48，000</c>
/// accepted; counts of people are whole numbers; amounts have at most two decimals (fen).</item>
/// </list></summary>
public static partial class InputRules
{
    public static (string? Value, InputError? Error) ReadText(string? raw)
    {
        var trimmed = raw?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return (null, null);
        }
        return Text.HasForbiddenCharacter(trimmed) ? (null, new InputError("Validation.ForbiddenCharacters")) : (trimmed, null);
    }

    public static (DateOnly? Value, InputError? Error) ReadDate(string? raw)
    {
        var text = Normalise(raw);
        if (text.Length == 0)
        {
            return (null, null);
        }
        if (!DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var date))
        {
            return (null, new InputError("Validation.DateFormat"));
        }
        return BusinessDates.InRange(date) ? (date, null) : (null, DateRange);
    }

    public static InputError DateRange { get; } = new("Validation.DateRange", "1900-01-01", "2100-12-31");

    /// <summary>A date as precise as it is known: a year (2016), a month (2016-04) or a day (2016-04-18), within
    /// 1900–2100.</summary>
    public static (Domain.PartialDate? Value, InputError? Error) ReadPartialDate(string? raw)
    {
        var text = Normalise(raw);
        if (text.Length == 0)
        {
            return (null, null);
        }
        if (Domain.PartialDate.Parse(text) is not { } date)
        {
            return (null, new InputError("Validation.PartialDateFormat"));
        }
        return BusinessDates.InRange(date.Start) && BusinessDates.InRange(date.End) ? (date, null) : (null, DateRange);
    }

    public static (long? Value, InputError? Error) ReadWholeNumber(string? raw)
    {
        var (number, error) = ReadNumber(raw);
        if (error is not null || number is null)
        {
            return (null, error);
        }
        if (decimal.Truncate(number.Value) != number.Value)
        {
            return (null, new InputError("Validation.WholeNumber"));
        }
        return number.Value is >= long.MinValue and <= long.MaxValue ? ((long)number.Value, null) : (null, new InputError("Validation.Number"));
    }

    public static (decimal? Value, InputError? Error) ReadAmount(string? raw)
    {
        var (number, error) = ReadNumber(raw);
        if (error is not null || number is null)
        {
            return (null, error);
        }
        return decimal.Round(number.Value, 2) == number.Value ? (number, null) : (null, new InputError("Validation.AmountFen"));
    }

    /// <summary>A value against a <see cref="RangeAttribute"/>, with the limits written as people write them (10,000,000).</summary>
    public static InputError? CheckRange(decimal value, RangeAttribute range)
    {
        var minimum = Convert.ToDecimal(range.Minimum, CultureInfo.InvariantCulture);
        var maximum = Convert.ToDecimal(range.Maximum, CultureInfo.InvariantCulture);
        // A range of four-digit limits is one of years (1900–2100), written as years are: without a separator.
        var years = minimum is >= 1000 and <= 9999 && maximum is >= 1000 and <= 9999;
        return value < minimum || value > maximum
            ? new InputError("Validation.Range", years ? Year(minimum) : Format(minimum), years ? Year(maximum) : Format(maximum))
            : null;
    }

    private static string Year(decimal value) => value.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>A whole number with thousands separators (10,000,000), or an amount with its decimals.</summary>
    public static string Format(decimal value) =>
        value.ToString(decimal.Truncate(value) == value ? "#,0" : "#,0.##", CultureInfo.InvariantCulture);

    private static (decimal? Value, InputError? Error) ReadNumber(string? raw)
    {
        var text = Normalise(raw).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (text.Length == 0)
        {
            return (null, null);
        }
        if (!Number().IsMatch(text))
        {
            return (null, new InputError("Validation.Number"));
        }
        return decimal.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var value)
            ? (value, null)
            : (null, new InputError("Validation.Number"));
    }

    /// <summary>Full-width digits and punctuation (what a Chinese input method types) as their ASCII forms.</summary>
    private static string Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return string.Empty;
        }
        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw.Trim())
        {
            builder.Append(c switch
            {
                >= '\uFF10' and <= '\uFF19' => (char)('0' + (c - '\uFF10')),
                '\uFF0C' => ',',
                '\uFF0E' or '\u3002' => '.',
                '\uFF0D' or '\u2212' => '-',
                '\uFF0F' => '/',
                '\u3000' => ' ',
                _ => c,
            });
        }
        return builder.ToString();
    }

    // An optional minus, digits with or without groups of three after commas, an optional fraction.
    [GeneratedRegex(@"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
