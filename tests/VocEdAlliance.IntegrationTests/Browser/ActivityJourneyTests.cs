using Microsoft.Playwright;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.History;
using static Microsoft.Playwright.Assertions;

namespace VocEdAlliance.IntegrationTests.Browser;

/// <summary>A principal opens the school's own pairing, records a teacher training with its outcomes, corrects it, and
/// finds both changes in its history.</summary>
public sealed class ActivityJourneyTests(PortalFixture portal) : BrowserTests(portal)
{
    private const string Pairing = "上海石化工业学校与遵义市红花岗区中等职业学校合作协议";
    [Theory]
    [MemberData(nameof(Journey.Runs), MemberType = typeof(Journey))]
    public async Task A_principal_records_a_teacher_training_edits_it_and_sees_its_history(string language, string size)
    {
        var journey = await StartJourneyAsync("activity", language, size);
        var page = journey.Page;
        var title = $"机电专业骨干教师培训 {journey.NewTag()}";

        await journey.SignInAsync("honghuagang.principal@demo.local");
        await Expect(page.GetByTestId("my-agreements")).ToContainTextAsync(Pairing);
        await journey.CheckpointAsync("principal-home");

        await page.GetByTestId("my-agreements").GetByRole(AriaRole.Link, new() { Name = Pairing, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Pairing);
        await journey.CheckpointAsync("own-pairing");

        await page.GetByRole(AriaRole.Link, new() { Name = journey.T("Activities.Record"), Exact = true }).ClickAsync();
        await page.GetByLabel(journey.T("Field.ActivityKind"), new() { Exact = true }).SelectOptionAsync(nameof(ActivityKind.TeacherTraining));
        await page.GetByLabel(journey.T("Field.Title"), new() { Exact = true }).FillAsync(title);
        await page.GetByLabel(journey.T("Field.StartsOn"), new() { Exact = true }).FillAsync("2026-10-12");
        await page.GetByLabel(journey.T("Field.EndsOn"), new() { Exact = true }).FillAsync("2026-10-16");
        await page.GetByLabel(journey.T("Field.Location"), new() { Exact = true }).FillAsync("上海石化工业学校（金山区）");
        await page.GetByLabel(journey.T("Field.Participants"), new() { Exact = true }).FillAsync("30");
        await page.GetByLabel(journey.T("Field.Teachers"), new() { Exact = true }).FillAsync("12");
        await page.GetByLabel(journey.T("Field.Description"), new() { Exact = true }).FillAsync("数控与机电一体化实训教学能力提升，结业考核全部合格。");
        await journey.CheckpointAsync("activity-form");
        await page.GetByRole(AriaRole.Button, new() { Name = journey.T("Common.Save"), Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(journey.T("Activities.Recorded", title));
        await Expect(page.GetByTestId("teachers")).ToHaveTextAsync("12");
        await Expect(page.GetByTestId("participants")).ToHaveTextAsync("30");
        await journey.CheckpointAsync("activity-recorded");

        // A correction: 15 teachers came, not 12.
        await page.GetByRole(AriaRole.Link, new() { Name = journey.T("Common.Edit"), Exact = true }).ClickAsync();
        await Expect(page.GetByLabel(journey.T("Field.Teachers"), new() { Exact = true })).ToHaveValueAsync("12");
        await page.GetByLabel(journey.T("Field.Teachers"), new() { Exact = true }).FillAsync("15");
        await journey.CheckpointAsync("activity-edit");
        await page.GetByRole(AriaRole.Button, new() { Name = journey.T("Common.Save"), Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(journey.T("Common.Saved"));
        await Expect(page.GetByTestId("teachers")).ToHaveTextAsync("15");

        await page.GetByRole(AriaRole.Link, new() { Name = journey.T("History.Nav"), Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(journey.T("History.Title", title));
        var actions = page.GetByTestId("history-action");
        await Expect(actions).ToHaveTextAsync([journey.Enum(HistoryAction.Updated), journey.Enum(HistoryAction.Created)]);
        await Expect(page.GetByTestId("history-changes").First).ToContainTextAsync(
            journey.T("History.Change", journey.T("Field.Teachers"), "12", "15"));
        await journey.CheckpointAsync("activity-history");

        journey.AssertClean();
    }
}
