using Microsoft.Playwright;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Inbox;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Plans;
using static Microsoft.Playwright.Assertions;

namespace VocEdAlliance.IntegrationTests.Browser;

/// <summary>A principal submits a yearly plan; the county bureau finds it in its inbox and returns it with a comment;
/// the principal reads the comment in the inbox, changes the plan and submits it again; the bureau approves it. Each
/// step is announced in the other's inbox. In Hubei (42), which no other test uses.</summary>
public sealed class PlanJourneyTests(PortalFixture portal) : BrowserTests(portal)
{
    public static TheoryData<string, string> TwoRuns => new() { { "zh-CN", "desktop" }, { "en", "phone" } };

    [Theory]
    [MemberData(nameof(TwoRuns))]
    public async Task A_plan_is_submitted_returned_resubmitted_and_approved_each_step_announced_in_the_inbox(string language, string size)
    {
        var journey = await StartJourneyAsync("plan", language, size);
        var tag = journey.NewTag();
        // A county of its own per run: its bureau is the only one there.
        var county = language == "en" ? "420104" : "420102";
        var first = await Portal.CreateInstitutionAsync(county, $"武汉计划校{tag}");
        var second = await Portal.CreateInstitutionAsync("420103", $"武汉结对校{tag}");
        var title = $"武汉结对 {tag}";
        var agreementId = await Portal.CreatePairingAsync(first, second, title: title);
        var bureau = await Portal.CreateBureauAsync(county, $"武汉区教育局{tag}");
        var principal = await Portal.CreateUserAsync(Roles.SchoolPrincipal, organisationId: first.Id);
        var approver = await Portal.CreateUserAsync(Roles.BureauStaff, organisationId: bureau.Id);
        var page = journey.Page;

        // The principal drafts and submits the 2026 plan.
        await journey.SignInAsync(principal.Email!, PortalFixture.TestPassword);
        await page.OpenAsync($"/Plans/Edit?agreementId={agreementId}");
        await page.GetByLabel(journey.T("Field.Year"), new() { Exact = true }).FillAsync("2026");
        await page.GetByLabel(journey.T("Indicator.Visits"), new() { Exact = true }).FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = journey.T("Common.Save"), Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = journey.T("Plan.Submit"), Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("plan-status")).ToHaveTextAsync(journey.Enum(PlanStatus.Submitted));
        await Expect(page.GetByTestId("approver")).ToContainTextAsync(bureau.Name);
        await journey.CheckpointAsync("plan-submitted");

        // The county bureau: the badge, the inbox, the plan; returned with a comment.
        page = await InboxOfAsync(journey, approver, expectedUnread: "1");
        await journey.CheckpointAsync("approver-inbox");
        await page.GetByTestId("inbox").GetByRole(AriaRole.Link, new() { Name = journey.T("Inbox.PlanSubmitted", $"{title}（2026）"), Exact = true }).ClickAsync();
        await page.GetByLabel(journey.T("Plan.ReturnWithComment"), new() { Exact = true }).FillAsync("请补充学生交流目标");
        await page.GetByRole(AriaRole.Button, new() { Name = journey.T("Plan.Return"), Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("plan-status")).ToHaveTextAsync(journey.Enum(PlanStatus.Draft));

        // The principal reads why, changes the plan and submits it again.
        page = await InboxOfAsync(journey, principal, expectedUnread: "1");
        await page.GetByTestId("inbox").GetByRole(AriaRole.Link, new() { Name = journey.T("Inbox.PlanReturned", $"{title}（2026）", "请补充学生交流目标"), Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("return-comment")).ToContainTextAsync("请补充学生交流目标");
        await journey.CheckpointAsync("plan-returned");
        await page.GetByRole(AriaRole.Link, new() { Name = journey.T("Common.Edit"), Exact = true }).ClickAsync();
        await page.GetByLabel(journey.T("Indicator.StudentsExchanged"), new() { Exact = true }).FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = journey.T("Common.Save"), Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = journey.T("Plan.Submit"), Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("plan-status")).ToHaveTextAsync(journey.Enum(PlanStatus.Submitted));

        // The bureau finds the new submission in its inbox (the first one read) and approves it.
        page = await InboxOfAsync(journey, approver, expectedUnread: "1");
        await page.GetByTestId("inbox").Locator("li[data-read=false]").GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = journey.T("Plan.Approve"), Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("plan-status")).ToHaveTextAsync(journey.Enum(PlanStatus.Approved));
        await journey.CheckpointAsync("plan-approved");

        var told = await Portal.WithDatabaseAsync(db => db.Notifications.Where(n => n.RecipientUserId == principal.Id).Select(n => n.Kind).ToListAsync());
        Assert.Equal([NotificationKind.PlanApproved, NotificationKind.PlanReturned], told.Order());
        journey.AssertClean();
    }

    /// <summary>Another person signs in at a browser of their own; the header's inbox link, with its unread count,
    /// opens their inbox.</summary>
    private static async Task<IPage> InboxOfAsync(Journey journey, ApplicationUser person, string expectedUnread)
    {
        await journey.NewPersonAsync();
        await journey.SignInAsync(person.Email!, PortalFixture.TestPassword);
        await journey.OpenNavigationAsync();
        await Expect(journey.Page.GetByTestId("inbox-badge")).ToContainTextAsync(expectedUnread);
        await journey.Page.GetByTestId("inbox-link").ClickAsync();
        await Expect(journey.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(journey.T("Inbox.Title"));
        return journey.Page;
    }
}
