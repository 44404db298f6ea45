using System.Text;

namespace VocEdAlliance.IntegrationTests.Import;

/// <summary>Alliance members from a workbook: an export of the members imports back unchanged; a new member joins, a
/// leaving date ends a membership; an alliance the user may not change is refused by name.</summary>
public sealed class MemberImportTests(ImportPortal portal) : IClassFixture<ImportPortal>
{
    private const string Headers = "所属联盟,成员单位,角色,加入日期,退出日期";

    private Task<List<(Guid Id, string Name, DateOnly? LeftOn)>> SnapshotAsync() =>
        portal.WithDatabaseAsync(async db => (await db.Set<VocEdAlliance.Web.Domain.Alliances.AllianceMember>().OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.OrganisationName, m.LeftOn }).ToListAsync()).Select(m => (m.Id, m.OrganisationName, m.LeftOn)).ToList());

    [Fact]
    public async Task An_exported_members_list_imports_back_and_nothing_changes()
    {
        using var hunan = await portal.SignedInAsync("hunan.staff@demo.local");
        var before = await SnapshotAsync();
        await ImportSteps.ImportsBackUnchangedAsync(hunan, "/Alliances?handler=ExportMembers", "Members", "联盟成员");
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_new_member_joins_a_leaving_date_ends_a_membership_and_another_province_s_alliance_is_refused()
    {
        using var hunan = await portal.SignedInAsync("hunan.staff@demo.local");
        var school = await portal.WithDatabaseAsync(async db =>
        {
            var created = new VocEdAlliance.Web.Domain.Organisations.Institution($"入盟学校{Guid.NewGuid():N}"[..12], null,
                VocEdAlliance.Web.Domain.Organisations.InstitutionKind.SecondaryVocationalSchool,
                VocEdAlliance.Web.Domain.Organisations.Ownership.Public, "430181", new(), 2026);
            db.Institutions.Add(created);
            await db.SaveChangesAsync();
            return created.Name;
        });
        var alliance = await portal.WithDatabaseAsync(db => db.Alliances.Where(a => a.Members.Any(m => EF.Functions.Like(m.RegionCode, "43%"))).OrderBy(a => a.Name).Select(a => a.Name).FirstAsync());
        var foreign = await portal.WithDatabaseAsync(db => db.Alliances.Where(a => a.Members.All(m => !EF.Functions.Like(m.RegionCode, "43%"))).OrderBy(a => a.Name).Select(a => a.Name).FirstAsync());
        var checkedPage = await ImportSteps.UploadAsync(hunan, Encoding.UTF8.GetBytes(string.Join("\r\n", Headers,
            $"\"{alliance}\",{school},成员,2026-11-01,",
            $"\"{foreign}\",{school},成员,2026-11-01,") + "\r\n"), "成员.csv", "Members");
        Assert.Equal("新增 1 · 更新 0 · 未变 0 · 拒绝 1", ImportSteps.Summary(checkedPage));
        Assert.Contains($"“{foreign}”不是您可以修改的联盟", checkedPage.Document.QuerySelector("[data-testid=refused]")!.TextContent, StringComparison.Ordinal);

        var joining = await ImportSteps.UploadAsync(hunan, Encoding.UTF8.GetBytes(string.Join("\r\n", Headers, $"\"{alliance}\",{school},成员,2026-11-01,") + "\r\n"), "成员.csv", "Members");
        await ImportSteps.CommitAsync(hunan, joining);
        Assert.Null(await LeftOnAsync(alliance, school));
        var leaving = await ImportSteps.UploadAsync(hunan, Encoding.UTF8.GetBytes(string.Join("\r\n", Headers, $"\"{alliance}\",{school},成员,2026-11-01,2026-11-30") + "\r\n"), "成员.csv", "Members");
        Assert.Equal("新增 0 · 更新 1 · 未变 0 · 拒绝 0", ImportSteps.Summary(leaving));
        await ImportSteps.CommitAsync(hunan, leaving);
        Assert.Equal(new DateOnly(2026, 11, 30), await LeftOnAsync(alliance, school));
    }

    private Task<DateOnly?> LeftOnAsync(string alliance, string school) =>
        portal.WithDatabaseAsync(db => db.Alliances.Where(a => a.Name == alliance).SelectMany(a => a.Members)
            .Where(m => m.OrganisationName == school).Select(m => m.LeftOn).SingleAsync());
}
