using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Plans;

namespace VocEdAlliance.IntegrationTests.Agreements;

public class YearlyPlanTests(PortalFixture portal)
{
    [Fact]
    public async Task Zunyi_submits_a_plan_the_province_approves_it_and_it_shows_targets_against_actuals()
    {
        var (agreement, _) = await portal.CreatePairingWithActivityAsync("520302", "520303"); // one 2024-03-01 visit, recorded today
        var guizhou = await portal.WithDatabaseAsync(async db =>
        {
            if (await db.Bureaus.FirstOrDefaultAsync(b => b.RegionCode == "520000") is { } existing)
            {
                return existing;
            }
            var bureau = db.Bureaus.Add(new EducationBureau("贵州省教育厅（测试）", null, "520000")).Entity;
            await db.SaveChangesAsync();
            return bureau;
        });
        var provincial = await portal.CreateUserAsync(Roles.BureauStaff);
        await portal.WithDatabaseAsync(async db => { (await db.Users.SingleAsync(u => u.Id == provincial.Id)).OrganisationId = guizhou.Id; return await db.SaveChangesAsync(); });
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");

        var form = await zunyi.GetAsync($"/Plans/Edit?agreementId={agreement.Id}");
        var negative = await zunyi.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Year"] = "2024", ["Input.Visits"] = "-2" });
        Assert.Contains("须在 0 至", negative.FieldError("Input.Visits"), StringComparison.Ordinal);
        var plan = await zunyi.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Year"] = "2024", ["Input.Visits"] = "2" });
        var visits = plan.Document.QuerySelectorAll("[data-testid=indicators] tbody tr").Single(r => r.TextContent.Contains("考察访问次数", StringComparison.Ordinal));
        Assert.Equal(["2", "1", "50.0%"], visits.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        Assert.NotNull(plan.Document.QuerySelector("[data-testid=late]"));
        var submitted = await zunyi.SubmitAsync(plan, "[data-testid=submit-form]");
        Assert.Equal("已提交", submitted.Document.QuerySelector("[data-testid=plan-status]")?.TextContent);

        using var zunyiAdmin = await portal.SignedInAsync("zunyi.admin@demo.local");
        Assert.Null((await zunyiAdmin.GetAsync(submitted.Url.AbsolutePath)).Document.QuerySelector("[data-testid=approve-form]"));

        using var province = portal.NewSession();
        await province.SignInAsync(provincial.Email!, PortalFixture.TestPassword);
        var approved = await province.SubmitAsync(await province.GetAsync(submitted.Url.AbsolutePath), "[data-testid=approve-form]");
        Assert.Equal("已审批（锁定）", approved.Document.QuerySelector("[data-testid=plan-status]")?.TextContent);

        var planId = Guid.Parse(submitted.Url.AbsolutePath.Split('/')[^1]);
        var locked = await zunyi.SubmitAsync(await zunyi.GetAsync($"/Plans/Edit?agreementId={agreement.Id}&id={planId}"), PortalSession.MainForm,
            new Dictionary<string, string> { ["Input.Visits"] = "5" });
        Assert.Contains("已审批的计划已锁定", locked.Text, StringComparison.Ordinal);
        var stored = await portal.WithDatabaseAsync(db => db.Plans.SingleAsync(p => p.Id == planId));
        Assert.Equal((PlanStatus.Approved, 2m), (stored.Status, stored.Targets.Visits));
    }
}

public class AlliancePlanTests(PortalFixture portal)
{
    [Fact]
    public async Task An_alliance_plan_counts_the_activities_of_the_alliance_and_of_its_agreements()
    {
        var alliance = await portal.WithDatabaseAsync(db => db.Alliances.SingleAsync(a => a.Name == "湘赣边职业教育发展联盟"));
        using var liuyang = await portal.SignedInAsync("liuyang.staff@demo.local");

        var form = await liuyang.GetAsync($"/Plans/Edit?allianceId={alliance.Id}");
        var plan = await liuyang.SubmitAsync(form, PortalSession.MainForm, new Dictionary<string, string> { ["Input.Year"] = "2022", ["Input.Lectures"] = "2" });

        var lectures = plan.Document.QuerySelectorAll("[data-testid=indicators] tbody tr").Single(r => r.TextContent.Contains("讲座次数", StringComparison.Ordinal));
        Assert.Equal(["2", "1", "50.0%"], lectures.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        Assert.NotNull((await liuyang.GetAsync($"/Alliances/{alliance.Id}")).Document.QuerySelector("[data-testid=plans] a"));
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await zunyi.GetAsync(plan.Url.AbsolutePath)).Status);
    }
}
