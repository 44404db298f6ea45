using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Programmes;

namespace VocEdAlliance.IntegrationTests.Plans;

/// <summary>A bureau's plan for its own jurisdiction, with the schools and enrolment indicators counted live from the
/// registry and the programmes, drafted through the form (Liuyang's 2025 plan of the demo data: DemoDataTests). Records made
/// here are in Zhanjiang's Chikan district (440802), where nothing else is counted.</summary>
public class JurisdictionPlanTests(PortalFixture portal)
{
    /// <summary>The indicators table of a plan's page: indicator → (target, actual, completion).</summary>
    internal static Dictionary<string, string[]> Indicators(PortalPage page) =>
        page.Document.QuerySelectorAll("[data-testid=indicators] tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray());

    [Fact]
    public async Task A_bureau_outside_liuyang_does_not_see_its_plan()
    {
        var planId = await portal.WithDatabaseAsync(db => db.Plans.Where(p => p.Bureau!.Name == "浏阳市教育局" && p.Year == 2025).Select(p => p.Id).SingleAsync());
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await zunyi.GetAsync($"/Plans/{planId}")).Status);
    }

    [Fact]
    public async Task A_county_bureau_drafts_its_jurisdictions_plan_and_its_schools_and_enrolment_are_counted()
    {
        var bureau = await portal.CreateBureauAsync("440802", "赤坎区教育局（测试）");
        var staff = await portal.CreateUserAsync(Roles.BureauStaff, organisationId: bureau.Id);
        var first = await portal.CreateInstitutionAsync("440802", "赤坎职校甲");
        await portal.CreateInstitutionAsync("440802", "赤坎职校乙");
        await portal.CreateInstitutionAsync("440802", "赤坎企业", InstitutionKind.Enterprise); // not a school
        await portal.WithDatabaseAsync(async db =>
        {
            db.Programmes.Add(Programme.Create(first, new ProgrammeDetails("智能制造技术", ProgrammeLevel.SecondaryVocational, "660301", 2020, null, null, null, null, null,
                [new ProgrammeYear(2026, 120, null, null, null), new ProgrammeYear(2025, 90, null, null, null)])));
            return await db.SaveChangesAsync();
        });
        using var session = await portal.SignedInAsync(staff);

        var plans = await session.GetAsync("/Plans");
        var form = await session.GetAsync(plans.Document.QuerySelector("[data-testid=new-jurisdiction-plan]")!.GetAttribute("href")!);
        var refused = await session.SubmitAsync(form, PortalSession.MainForm,
            new Dictionary<string, string> { ["Input.Year"] = "2026", ["Input.Schools"] = "2.5", ["Input.Enrolment"] = "500" });
        Assert.NotEmpty(refused.FieldError("Input.Schools"));
        var saved = await session.SubmitAsync(refused, PortalSession.MainForm,
            new Dictionary<string, string> { ["Input.Year"] = "2026", ["Input.Schools"] = "3", ["Input.Enrolment"] = "500" });
        var rows = Indicators(saved);
        Assert.Equal(["3", "2", "66.7%"], rows["职业学校数"]);
        var csv = await session.Http.GetStringAsync("/Plans?handler=Export&format=csv", TestContext.Current.CancellationToken);
        Assert.Contains("赤坎区教育局（测试）", csv, StringComparison.Ordinal);
        Assert.EndsWith(",3,500", csv.Split("\r\n").Single(l => l.Contains("赤坎区教育局（测试）", StringComparison.Ordinal)).Replace("\"", "", StringComparison.Ordinal));
        Assert.Equal(["500", "120", "24.0%"], rows["年招生人数"]);

        // Submitted, it goes to the bureau above (none with an account here: the system admin), like any plan.
        var submitted = await session.SubmitAsync(saved, "[data-testid=submit-form]");
        Assert.Contains("系统管理员", submitted.Document.QuerySelector("[data-testid=approver]")!.TextContent, StringComparison.Ordinal);

        // Another county's bureau may not draft Chikan's plan.
        var other = await portal.CreateBureauAsync("440803", "霞山区教育局（测试）");
        using var xiashan = await portal.SignedInAsync(await portal.CreateUserAsync(Roles.BureauStaff, organisationId: other.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await xiashan.GetAsync($"/Plans/Edit?bureauId={bureau.Id}")).Status);
    }

    [Fact]
    public async Task Targets_saved_meanwhile_in_another_tab_are_shown_and_saving_again_overwrites_knowingly()
    {
        var bureau = await portal.CreateBureauAsync("440823", "遂溪县教育局（测试）");
        using var session = await portal.SignedInAsync(await portal.CreateUserAsync(Roles.BureauStaff, organisationId: bureau.Id));
        var created = await session.SubmitAsync(await session.GetAsync($"/Plans/Edit?bureauId={bureau.Id}"), PortalSession.MainForm,
            new Dictionary<string, string> { ["Input.Year"] = "2026", ["Input.Schools"] = "3" });
        var planId = Guid.Parse(created.Url.AbsolutePath.Split('/').Last());
        var edit = $"/Plans/Edit?bureauId={bureau.Id}&id={planId}";
        var tabA = await session.GetAsync(edit);
        var tabB = await session.GetAsync(edit);
        await session.SubmitAsync(tabA, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Schools"] = "4" });

        var conflict = await session.SubmitAsync(tabB, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Schools"] = "5" });
        Assert.Contains("职业学校数: 4", conflict.Document.QuerySelector("[data-testid=concurrency-conflict]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("5", conflict.Document.QuerySelector("input[name='Input.Schools']")!.GetAttribute("value"));
        await session.SubmitAsync(conflict, PortalSession.MainForm);
        Assert.Equal(5m, await portal.WithDatabaseAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Targets.Schools).SingleAsync()));
    }
}
