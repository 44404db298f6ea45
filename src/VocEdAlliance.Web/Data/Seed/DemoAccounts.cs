using Microsoft.AspNetCore.Identity;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Data.Seed;

/// <summary>The demo accounts listed in README.md, all sharing one documented demo password.
/// Loaded only as demo data (<c>Database:SeedDemo</c>), never in a real installation.</summary>
public static class DemoAccounts
{
    /// <summary>The one demo password (documented in README.md). Meets the portal's password policy.</summary>
    public const string Password = "VocEd-Demo-2026";

    public sealed record Account(string Email, string DisplayName, string Role, string? Organisation);

    public static IReadOnlyList<Account> All { get; } =
    [
        new("admin@demo.local", "演示·系统管理员", Roles.SystemAdmin, null),
        new("ministry@demo.local", "演示·教育部官员", Roles.MinistryOfficial, DemoOrganisations.Ministry),
        new("shanghai.staff@demo.local", "演示·上海市教委工作人员", Roles.BureauStaff, DemoOrganisations.ShanghaiCommission),
        new("zunyi.staff@demo.local", "演示·遵义市教育局工作人员", Roles.BureauStaff, DemoOrganisations.ZunyiBureau),
        new("zunyi.admin@demo.local", "演示·遵义市教育局管理员", Roles.BureauAdmin, DemoOrganisations.ZunyiBureau),
        new("hunan.staff@demo.local", "演示·湖南省教育厅工作人员", Roles.BureauStaff, DemoOrganisations.HunanDepartment),
        new("liuyang.staff@demo.local", "演示·浏阳市教育局工作人员", Roles.BureauStaff, DemoOrganisations.LiuyangBureau),
        new("spa.principal@demo.local", "演示·上海 SPA 校长", Roles.SchoolPrincipal, DemoOrganisations.Spa),
        new("honghuagang.principal@demo.local", "演示·遵义市红花岗中职校长", Roles.SchoolPrincipal, DemoOrganisations.Honghuagang),
    ];

    /// <summary>Creates the accounts that do not exist yet (and links existing ones that have no organisation yet);
    /// everything else about existing accounts is left as it is.</summary>
    /// <returns>How many accounts were created.</returns>
    public static async Task<int> LoadAsync(IServiceProvider services, IReadOnlyDictionary<string, Guid> organisations)
    {
        var userManager = services.GetRequiredService<UserManager<ApplicationUser>>();
        var created = 0;
        foreach (var account in All)
        {
            Guid? organisationId = account.Organisation is { } name ? organisations[name] : null;
            if (await userManager.FindByEmailAsync(account.Email) is { } existing)
            {
                if (existing.OrganisationId is null && organisationId is not null)
                {
                    existing.OrganisationId = organisationId;
                    ReferenceData.EnsureSucceeded(await userManager.UpdateAsync(existing), account.Email);
                }
                continue;
            }
            var user = new ApplicationUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                OrganisationId = organisationId,
            };
            ReferenceData.EnsureSucceeded(await userManager.CreateAsync(user, Password), account.Email);
            ReferenceData.EnsureSucceeded(await userManager.AddToRoleAsync(user, account.Role), account.Email);
            created++;
        }
        return created;
    }
}
