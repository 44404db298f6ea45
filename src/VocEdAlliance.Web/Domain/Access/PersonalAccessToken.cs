using System.Security.Cryptography;
using System.Text;

namespace VocEdAlliance.Web.Domain.Access;

/// <summary>个人访问令牌: a secret another system sends as <c>Authorization: Bearer …</c> to act through the API as
/// the user who made it, with that user's role and jurisdiction (read-only if it says so). Only its SHA-256 is stored:
/// the secret is shown once, when it is made, and cannot be recovered — a lost one is revoked and replaced. It ends at
/// its expiry, when revoked (by its user or an admin over them), or with the account.</summary>
public sealed class PersonalAccessToken
{
    public const int NameMaxLength = 100;

    /// <summary>How every secret starts, so that one pasted into a chat or a file is recognisable for what it is.</summary>
    public const string SecretPrefix = "vea_";

    /// <summary>The longest a token may live.</summary>
    public const int MaxDays = 366;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid UserId { get; private set; }
    public string Name { get; private set; } = string.Empty;

    /// <summary>SHA-256 (hex) of the secret: 256 random bits need no slow hash, and a stolen table gives no token.</summary>
    public string SecretHash { get; private set; } = string.Empty;

    /// <summary>The secret's last four characters, to tell tokens apart in the list.</summary>
    public string Hint { get; private set; } = string.Empty;

    public bool ReadOnly { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public Guid? RevokedByUserId { get; private set; }

    private PersonalAccessToken()
    {
    }

    /// <summary>A new token for <paramref name="userId"/>, valid for <paramref name="days"/> days, and its secret (to
    /// be shown once).</summary>
    public static (PersonalAccessToken Token, string Secret) Issue(Guid userId, string? name, bool readOnly, int days, DateTimeOffset now)
    {
        if (days is < 1 or > MaxDays)
        {
            throw new DomainException("Token.DaysOutOfRange", nameof(days));
        }
        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new PersonalAccessToken
        {
            UserId = userId,
            Name = Text.Required(name, nameof(Name), NameMaxLength),
            SecretHash = Hash(secret),
            Hint = secret[^4..],
            ReadOnly = readOnly,
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        return (token, secret);
    }

    /// <summary>The stored form of a secret.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether a presented secret has the shape of one (anything else is not looked up).</summary>
    public static bool LooksLikeSecret(string? presented) =>
        presented is { Length: 47 } && presented.StartsWith(SecretPrefix, StringComparison.Ordinal)
        && presented.AsSpan(SecretPrefix.Length).ContainsAnyExcept(Base64UrlAlphabet) is false;

    public bool IsRevoked => RevokedAt is not null;

    public bool IsUsable(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    /// <summary>Ends the token now; revoking one already revoked changes nothing.</summary>
    public void Revoke(Guid byUserId, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return;
        }
        RevokedAt = now;
        RevokedByUserId = byUserId;
    }

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
