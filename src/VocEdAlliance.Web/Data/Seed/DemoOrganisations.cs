using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.Web.Data.Seed;

/// <summary>The bureaus and schools the demo accounts work for (sources: shared/seeds, see docs/demo-data.md).</summary>
public static class DemoOrganisations
{
    public const string Ministry = "中华人民共和国教育部";
    public const string ShanghaiCommission = "上海市教育委员会";
    public const string ZunyiBureau = "遵义市教育局";
    public const string HunanDepartment = "湖南省教育厅";
    public const string LiuyangBureau = "浏阳市教育局";
    public const string Spa = "上海石化工业学校";
    public const string Honghuagang = "遵义市红花岗区中等职业学校";

    /// <summary>The organisations the demo accounts work for (and the Ministry).</summary>
    public static IReadOnlyList<string> Names { get; } = [Ministry, ShanghaiCommission, ZunyiBureau, HunanDepartment, LiuyangBureau, Spa, Honghuagang];

    private static readonly (string Name, string NameEn, string Region)[] Bureaus =
    [
        (ShanghaiCommission, "Shanghai Municipal Education Commission", "310000"),
        (ZunyiBureau, "Zunyi Municipal Education Bureau", "520300"),
        (HunanDepartment, "Hunan Provincial Department of Education", "430000"),
        (LiuyangBureau, "Liuyang Education Bureau", "430181"),
    ];

    private static readonly (string Name, string NameEn, string Region, InstitutionKind Kind, InstitutionProfile Profile)[] Schools =
    [
        (Spa, "Shanghai Petrochemical Academy (SPA)", "310116", InstitutionKind.SecondaryVocationalSchool,
            new InstitutionProfile(Head: "高炬")),
        (Honghuagang, "Zunyi Honghuagang Secondary Vocational School", "520302", InstitutionKind.SecondaryVocationalSchool,
            new InstitutionProfile(Head: "王强")),
    ];

    /// <summary>Creates the organisations that are missing; returns every demo organisation's id by name.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> LoadAsync(AppDbContext db, int currentYear)
    {
        var existing = await db.Organisations.Select(o => new { o.Name, o.Id }).ToDictionaryAsync(o => o.Name, o => o.Id);
        foreach (var (name, nameEn, region) in Bureaus.Where(b => !existing.ContainsKey(b.Name)))
        {
            db.Organisations.Add(new EducationBureau(name, nameEn, region));
        }
        foreach (var (name, nameEn, region, kind, profile) in Schools.Where(s => !existing.ContainsKey(s.Name)))
        {
            db.Organisations.Add(new Institution(name, nameEn, kind, Ownership.Public, region, profile, currentYear));
        }
        await db.SaveChangesAsync();
        return await db.Organisations.Select(o => new { o.Name, o.Id }).ToDictionaryAsync(o => o.Name, o => o.Id);
    }
}
