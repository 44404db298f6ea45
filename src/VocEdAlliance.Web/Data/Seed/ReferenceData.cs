using Microsoft.AspNetCore.Identity;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Data.Seed;

/// <summary>Rows every installation needs, loaded idempotently at start: today the roles.</summary>
public static class ReferenceData
{
    public static async Task LoadAsync(IServiceProvider services)
    {
        var roleManager = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roleManager.CreateAsync(new IdentityRole<Guid>(role)), role);
            }
        }
    }

    internal static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }
}
