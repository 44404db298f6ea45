using Microsoft.Extensions.DependencyInjection;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.IntegrationTests.Summaries;

/// <summary>The demo data of the five seed systems, on a database nothing else writes to.</summary>
public sealed class DemoPortal() : DedicatedPortal(seedDemo: true);

public sealed class DemoDataTests(DemoPortal demo) : IClassFixture<DemoPortal>
{
    private static List<string[]> Rows(PortalPage page, string table) =>
        [.. page.Document.QuerySelectorAll($"[data-testid=summary-{table}] tbody tr")
            .Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray())];

    [Fact]
    public async Task The_ministry_sees_the_Shanghai_to_Guizhou_flow_with_the_unions_twelve_pairings()
    {
        using var ministry = await demo.SignedInAsync("ministry@demo.local");

        var page = await ministry.GetAsync("/Summaries");
        var shanghaiGuizhou = Rows(page, "provinces").Single(r => r[0] == "上海市" && r[1] == "贵州省");

        // 12 active union pairings, and SPA–Honghuagang waiting for Shanghai's confirmation.
        Assert.Equal(("13", "12"), (shanghaiGuizhou[2], shanghaiGuizhou[3]));
        Assert.Contains(Rows(page, "alliances"), r => r[0] == "沪遵职业教育联盟");
        Assert.Equal(4, Rows(page, "alliances").Count(r => r[0].StartsWith("湘赣边", StringComparison.Ordinal) && r[0].EndsWith("联盟", StringComparison.Ordinal)));
        // Jiahe 600 + Linwu 400 + Yongxing 500 + Rucheng 100,000 + Zixing 81,000 trainees, Farmer College 1,427 + JD 391 students.
        var chenzhou = Rows(page, "alliances").Single(r => r[0] == "郴州市职业教育产教融合（演示）");
        Assert.Equal(("1,818", "182,500"), (chenzhou[^5], chenzhou[^4]));
    }

    [Fact]
    public async Task The_Chenzhou_figures_of_the_source_are_in_the_trainings()
    {
        var trainees = await demo.WithDatabaseAsync(db => db.Activities
            .Where(a => a.Alliance != null && a.Alliance.Name.StartsWith("郴州") || a.Agreement != null && a.Agreement.Title.StartsWith("郴州"))
            .SumAsync(a => a.Trainees ?? 0));
        var lecturers = await demo.WithDatabaseAsync(db => db.Activities.Where(a => a.Title == "2024年行业专家进校授课").Select(a => a.Participants).SingleAsync());

        // New Energy School 1,000 + Jiahe 600 + Linwu 400 + Yongxing 500 + Rucheng 100,000 + Zixing 81,000.
        Assert.Equal(1_000 + 600 + 400 + 500 + 100_000 + 81_000, trainees);
        Assert.Equal(52, lecturers);
    }

    [Theory]
    [InlineData("hunan.staff@demo.local")]
    [InlineData("ministry@demo.local")]
    public async Task Chenzhous_training_outcomes_and_its_alliances_107_members_are_counted_from_records(string reader)
    {
        using var session = await demo.SignedInAsync(reader);

        var page = await session.GetAsync("/Summaries?from=2018&to=2024&province=43");
        var trainings = Rows(page, "trainings").ToDictionary(r => r[0], r => r[3..]);
        // trained, employed, rate, families, leaders
        Assert.Equal(["100,000", "92,600", "92.6%", "", ""], trainings["汝城县“人人持证、技能社会”职业技能培训"]);
        Assert.Equal(["81,000", "32,000", "39.5%", "38,000", ""], trainings["资兴市“一户一技能人才”培训"]);
        Assert.Equal(["391", "220", "56.3%", "", ""], trainings["京东校园实训基地“双十一”实训与就业"]);
        Assert.Equal(["1,427", "", "", "", "196"], trainings["桂阳县“农民大学”学历与技能培养"]);
        // The rate of the total divides by the trainings that report their employed (not the Farmer College's 1,427).
        Assert.Equal(["182,818", "124,820", "68.8%", "38,000", "196"], trainings["合计"]);

        var ftz = Rows(page, "alliances").Single(r => r[0] == "郴州自贸片区新材料和信息技术产教联盟");
        Assert.Equal(DemoData.FtzAllianceMembers.ToString(System.Globalization.CultureInfo.InvariantCulture), ftz[1]);

        using var zunyi = await demo.SignedInAsync("zunyi.staff@demo.local");
        Assert.Empty(Rows(await zunyi.GetAsync("/Summaries?from=2018&to=2024"), "trainings"));
    }

    [Fact]
    public async Task The_seed_systems_dates_and_places_are_as_the_sources_give_them()
    {
        var dates = await demo.WithDatabaseAsync(db => db.Activities.Select(a => new { a.Title, a.StartsOn, a.Location }).ToListAsync());
        var framework = await demo.WithDatabaseAsync(db => db.Agreements.Include(a => a.Parties).SingleAsync(a => a.Title == "湘赣职业教育联盟合作框架协议"));

        Assert.Contains(dates, d => d.StartsOn == new DateOnly(2019, 4, 18) && d.Title.Contains("上海石化工业学校", StringComparison.Ordinal));
        Assert.Contains(dates, d => d.StartsOn == new DateOnly(2021, 4, 16) && d.Location == "浏阳市文家市镇");
        Assert.Contains(dates, d => d.StartsOn == new DateOnly(2023, 3, 9) && d.Location!.StartsWith("柳州职业技术学院", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2022, 5, 31), framework.EffectiveFrom);
        Assert.Equal(8, framework.Parties.Count(p => p.OrganisationType == OrganisationType.EducationBureau));
        Assert.Equal(AgreementStatus.Active, framework.Status);
    }

    [Theory]
    [InlineData("liuyang.staff@demo.local")]
    [InlineData("hunan.staff@demo.local")]
    [InlineData("ministry@demo.local")]
    public async Task Liuyangs_2025_targets_are_a_plan_whose_schools_are_counted_from_the_registry(string reader)
    {
        var planId = await demo.WithDatabaseAsync(db => db.Plans.Where(p => p.Bureau!.Name == "浏阳市教育局" && p.Year == 2025).Select(p => p.Id).SingleAsync());
        using var session = await demo.SignedInAsync(reader);
        var rows = VocEdAlliance.IntegrationTests.Plans.JurisdictionPlanTests.Indicators(await session.GetAsync($"/Plans/{planId}"));
        // target, actual, completion: six schools before 2022 and four opened in its fall; no programme figures yet.
        Assert.Equal(["13", "10", "76.9%"], rows["职业学校数"]);
        Assert.Equal(["10,000", "0", "0.0%"], rows["年招生人数"]);
    }

    [Fact]
    public async Task Liuyang_staff_see_only_their_jurisdictions_numbers()
    {
        using var liuyang = await demo.SignedInAsync("liuyang.staff@demo.local");

        var page = await liuyang.GetAsync("/Summaries");

        Assert.Equal("0", Rows(page, "east-west")[0][1]);
        Assert.DoesNotContain(Rows(page, "provinces"), r => r.Contains("上海市"));
        Assert.All(Rows(page, "regions"), r => Assert.True(r[0] is "江西省" or "湖南省", r[0]));
        Assert.DoesNotContain(Rows(page, "alliances"), r => r[0] == "沪遵职业教育联盟");
    }

    [Fact]
    public async Task Loading_the_demo_again_adds_nothing_and_a_database_with_real_records_is_refused()
    {
        var before = await demo.WithDatabaseAsync(db => db.Agreements.CountAsync());
        var admin = await demo.WithDatabaseAsync(db => db.Users.Where(u => u.Email == "admin@demo.local").Select(u => u.Id).SingleAsync());

        var again = await demo.WithDatabaseAsync(db => DemoData.LoadAsync(db, admin, 2026));

        Assert.Equal(DemoData.Outcome.AlreadyLoaded, again);
        Assert.Equal(before, await demo.WithDatabaseAsync(db => db.Agreements.CountAsync()));
        var database = TestPostgres.NewDatabaseName();
        await using (var real = new PortalFactory(TestPostgres.ConnectionString(database), seedDemo: false))
        {
            _ = real.Server;
            await using var scope = real.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentAccess>().UseSystemScope();
            var db = scope.ServiceProvider.GetRequiredService<VocEdAlliance.Web.Data.AppDbContext>();
            db.Institutions.Add(new Institution("一所真实的学校", null, InstitutionKind.TechnicianSchool, Ownership.Public, "430181", new InstitutionProfile(), 2026));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            Assert.Equal(DemoData.Outcome.RefusedRealData, await DemoData.LoadAsync(db, admin, 2026));
            Assert.False(await db.Agreements.AnyAsync(TestContext.Current.CancellationToken));
        }
        await TestPostgres.DropDatabaseAsync(database);
    }
}
