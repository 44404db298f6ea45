namespace VocEdAlliance.Web.Domain;

/// <summary>How the domain takes text as entered: trimmed; blank means absent; too long is refused on its field.</summary>
internal static class Text
{
    public static string Required(string? value, string field, int maxLength) =>
        Optional(value, maxLength, field) ?? throw new DomainException("Validation.RequiredField", field);

    public static string? Optional(string? value, int maxLength, string? field = null)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        return trimmed.Length <= maxLength ? trimmed : throw new DomainException("Validation.TooLong", field, maxLength);
    }
}
