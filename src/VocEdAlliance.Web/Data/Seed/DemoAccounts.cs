using Microsoft.AspNetCore.Identity;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Data.Seed;

/// <summary>The demo accounts listed in README.md, all sharing one documented demo password.
/// Loaded only as demo data (<c>Database:SeedDemo</c>), never in a real installation.</summary>
public static class DemoAccounts
{
    /// <summary>The one demo password (documented in README.md). Meets the portal's password policy.</summary>
    public const string Password = "VocEd-Demo-2026";

    public sealed record Account(string Email, string DisplayName, string Role);

    public static IReadOnlyList<Account> All { get; } =
    [
        new("admin@demo.local", "演示·系统管理员", Roles.SystemAdmin),
        new("ministry@demo.local", "演示·教育部官员", Roles.MinistryOfficial),
        new("shanghai.staff@demo.local", "演示·上海市教委工作人员", Roles.BureauStaff),
        new("zunyi.staff@demo.local", "演示·遵义市教育局工作人员", Roles.BureauStaff),
        new("zunyi.admin@demo.local", "演示·遵义市教育局管理员", Roles.BureauAdmin),
        new("hunan.staff@demo.local", "演示·湖南省教育厅工作人员", Roles.BureauStaff),
        new("liuyang.staff@demo.local", "演示·浏阳市教育局工作人员", Roles.BureauStaff),
        new("spa.principal@demo.local", "演示·上海 SPA 校长", Roles.SchoolPrincipal),
        new("honghuagang.principal@demo.local", "演示·遵义市红花岗中职校长", Roles.SchoolPrincipal),
    ];

    /// <summary>Creates the accounts that do not exist yet; existing ones are left as they are.</summary>
    /// <returns>How many accounts were created.</returns>
    public static async Task<int> LoadAsync(IServiceProvider services)
    {
        var userManager = services.GetRequiredService<UserManager<ApplicationUser>>();
        var created = 0;
        foreach (var account in All)
        {
            if (await userManager.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }
            var user = new ApplicationUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
            };
            ReferenceData.EnsureSucceeded(await userManager.CreateAsync(user, Password), account.Email);
            ReferenceData.EnsureSucceeded(await userManager.AddToRoleAsync(user, account.Role), account.Email);
            created++;
        }
        return created;
    }
}
