using Microsoft.AspNetCore.Identity;

namespace VocEdAlliance.Web.Security;

/// <summary>A password hash that belongs to no account, checked when sign-in has none to check (unknown e-mail,
/// locked account), so that every refused sign-in costs the same time as a wrong password.</summary>
public static class DummyPassword
{
    private static readonly ApplicationUser Nobody = new() { DisplayName = "nobody" };
    private static string? hash;

    public static void Verify(IPasswordHasher<ApplicationUser> hasher, string password)
    {
        hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
