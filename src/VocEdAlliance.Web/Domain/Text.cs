namespace VocEdAlliance.Web.Domain;

/// <summary>How the domain takes text as entered: trimmed; blank means absent; too long, or holding a character that
/// cannot be shown honestly, is refused on its field.</summary>
public static class Text
{
    public static string Required(string? value, string field, int maxLength) =>
        Optional(value, maxLength, field) ?? throw new DomainException("Validation.RequiredField", field);

    public static string? Optional(string? value, int maxLength, string? field = null)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.All(IsInvisible))
        {
            return null;
        }
        if (HasForbiddenCharacter(trimmed))
        {
            throw new DomainException("Validation.HasForbiddenCharacter", field);
        }
        return trimmed.Length <= maxLength ? trimmed : throw new DomainException("Validation.TooLong", field, maxLength);
    }

    /// <summary>Text kept as a copy where space is fixed (a notification's subject): cut to the length, with an ellipsis.</summary>
    public static string Shorten(string value, int maxLength) =>
        value.Length <= maxLength ? value : string.Concat(value.AsSpan(0, maxLength - 1), "…");

    /// <summary>NUL and the other C0/C1 control characters (tab and line breaks aside), and the bidirectional
    /// formatting characters that make text read other than it is stored (<c>合同&#x202E;fdp.exe</c> shows as
    /// "合同exe.pdf"). PostgreSQL refuses NUL in text; the rest would be kept and mislead the next reader.</summary>
    public static bool HasForbiddenCharacter(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (IsForbidden(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Zero-width characters: a value made only of them (and spaces) looks empty, and is taken as empty.</summary>
    public static bool IsInvisible(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    public static bool IsForbidden(char c) => c switch
    {
        '\t' or '\n' or '\r' => false,
        < '\u0020' => true,
        >= '\u007F' and <= '\u009F' => true,
        '\u061C' or '\u200E' or '\u200F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };
}
