using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Data.Seed;

/// <summary>Rows every installation needs, loaded idempotently at start: the roles, China's administrative
/// divisions and the Ministry of Education.</summary>
public static class ReferenceData
{
    public static async Task LoadAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        await Divisions.DivisionLoader.LoadAsync(db);
        if (!await db.Organisations.OfType<Ministry>().AnyAsync())
        {
            db.Organisations.Add(new Ministry("中华人民共和国教育部", "Ministry of Education of the People's Republic of China", "110000"));
            await db.SaveChangesAsync();
        }

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
