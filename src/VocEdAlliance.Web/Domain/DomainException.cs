namespace VocEdAlliance.Web.Domain;

/// <summary>A rule of the domain refused a change. <see cref="MessageKey"/> is a resource key (the page shows it in
/// the user's language, next to <see cref="Field"/> when there is one); nothing was changed.</summary>
public sealed class DomainException(string messageKey, string? field = null, params object[] arguments)
    : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;
    public string? Field { get; } = field;
    public IReadOnlyList<object> Arguments { get; } = arguments;
}
