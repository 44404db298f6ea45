using Microsoft.Playwright;
using VocEdAlliance.Web.Domain.Evaluations;
using VocEdAlliance.Web.Domain.Inbox;
using static Microsoft.Playwright.Assertions;

namespace VocEdAlliance.IntegrationTests.Browser;

/// <summary>An evaluation round end to end, in a browser: a prefecture bureau publishes its rubric; a principal, told in
/// the inbox, uploads evidence and submits the self-assessment; the county bureau above, told in its inbox, reviews and
/// scores it; the prefecture publishes the results; the principal reads the result and the summaries rank the province.
/// In Guangdong's Shenzhen (4403) and Zhuhai (4404), which no other test uses for rounds.</summary>
public sealed class EvaluationJourneyTests(PortalFixture portal) : BrowserTests(portal)
{
    public static TheoryData<string, string> TwoRuns => new() { { "zh-CN", "desktop" }, { "en", "phone" } };

    [Theory]
    [MemberData(nameof(TwoRuns))]
    public async Task A_round_runs_from_rubric_to_published_ranked_result(string language, string size)
    {
        var journey = await StartJourneyAsync("evaluation", language, size);
        var tag = journey.NewTag();
        var (prefecture, county) = language == "en" ? ("440400", "440402") : ("440300", "440304");
        var school = await Portal.CreateInstitutionAsync(county, $"考核校{tag}");
        var partner = await Portal.CreateInstitutionAsync(county, $"考核伙伴校{tag}");
        var title = $"考核结对 {tag}";
        await Portal.CreatePairingAsync(school, partner, recorderKey: "r:" + county, title: title);
        var publisherBureau = await Portal.CreateBureauAsync(prefecture, $"市教育局{tag}");
        var countyBureau = await Portal.CreateBureauAsync(county, $"区教育局{tag}");
        var publisher = await Portal.CreateUserAsync(Roles.BureauStaff, organisationId: publisherBureau.Id);
        var reviewer = await Portal.CreateUserAsync(Roles.BureauStaff, organisationId: countyBureau.Id);
        var principal = await Portal.CreateUserAsync(Roles.SchoolPrincipal, organisationId: school.Id);
        var roundTitle = $"年度考核 {tag}";
        var page = journey.Page;

        // The prefecture bureau writes the rubric (a third criterion row added on the way) and publishes it.
        await journey.SignInAsync(publisher.Email!, PortalFixture.TestPassword);
        await page.OpenAsync("/Plans");
        await page.GetByTestId("evaluations-link").ClickAsync();
        await page.GetByTestId("new-round").ClickAsync();
        await page.GetByLabel(journey.T("Field.Title"), new() { Exact = true }).FillAsync(roundTitle);
        await page.GetByLabel(journey.T("Field.Year"), new() { Exact = true }).FillAsync("2025");
        await page.GetByLabel(journey.T("Field.DueOn"), new() { Exact = true }).FillAsync("2026-03-31");
        async Task Criterion(int number, string name, string weight, string max)
        {
            await page.GetByLabel($"{journey.T("Field.Criterion")} {number}", new() { Exact = true }).FillAsync(name);
            await page.GetByLabel($"{journey.T("Field.Weight")} {number}", new() { Exact = true }).FillAsync(weight);
            await page.GetByLabel($"{journey.T("Field.MaxScore")} {number}", new() { Exact = true }).FillAsync(max);
        }
        await Criterion(1, "组织保障", "30", "10");
        await Criterion(2, "帮扶成效", "50", "20");
        await page.GetByTestId("add-criterion").ClickAsync();
        await Expect(page.GetByLabel($"{journey.T("Field.Criterion")} 1", new() { Exact = true })).ToHaveValueAsync("组织保障");
        await Criterion(3, "资金使用", "20", "10");
        await page.GetByLabel($"{journey.T("Field.EvidenceRequired")} 2", new() { Exact = true }).CheckAsync();
        await journey.CheckpointAsync("rubric");
        await page.GetByTestId("save-round").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = journey.T("Evaluation.Open"), Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("round-status")).ToHaveTextAsync(journey.Enum(EvaluationRoundStatus.Open));
        await journey.CheckpointAsync("round-open");

        // The principal: told in the inbox; evidence for the criterion that needs it, scores, submitted.
        await journey.NewPersonAsync();
        page = journey.Page;
        await journey.SignInAsync(principal.Email!, PortalFixture.TestPassword);
        await page.OpenAsync("/Inbox");
        await page.GetByTestId("inbox").GetByRole(AriaRole.Link,
            new() { Name = journey.T("Inbox.EvaluationOpened", $"{roundTitle} · {title} · {school.Name}", "2026-03-31"), Exact = true }).ClickAsync();
        await page.GetByLabel($"{journey.T("Evaluation.SelfScore")} 1", new() { Exact = true }).FillAsync("9");
        await page.GetByLabel($"{journey.T("Evaluation.SelfScore")} 2", new() { Exact = true }).FillAsync("17.5");
        await page.GetByLabel(journey.T("Field.Criterion"), new() { Exact = true }).SelectOptionAsync("2");
        await page.GetByLabel(journey.T("Document.Choose")).SetInputFilesAsync(new FilePayload
        {
            Name = "帮扶成效证明.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray(),
        });
        await page.GetByTestId("upload").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(journey.T("Evaluation.EvidenceAdded"));
        await Expect(page.GetByTestId("evidence")).ToHaveTextAsync("帮扶成效证明.pdf");
        // What was typed before the upload is kept as the draft.
        await Expect(page.GetByLabel($"{journey.T("Evaluation.SelfScore")} 2", new() { Exact = true })).ToHaveValueAsync("17.5");
        await page.GetByLabel($"{journey.T("Evaluation.SelfScore")} 3", new() { Exact = true }).FillAsync("8");
        await page.GetByLabel(journey.T("Evaluation.SelfComment"), new() { Exact = true }).FillAsync("全年完成帮扶计划");
        await journey.CheckpointAsync("self-assessment");
        await page.GetByTestId("submit-assessment").ClickAsync();
        await Expect(page.GetByTestId("evaluation-status")).ToHaveTextAsync(journey.Enum(PartyEvaluationStatus.Submitted));
        await Expect(page.GetByTestId("reviewer")).ToContainTextAsync(countyBureau.Name);
        await Expect(page.GetByTestId("self-total")).ToHaveTextAsync("86.8"); // 30×9/10 + 50×17.5/20 + 20×8/10 = 27 + 43.75 + 16

        // The county bureau above: told in its inbox, reviews and scores.
        await journey.NewPersonAsync();
        page = journey.Page;
        await journey.SignInAsync(reviewer.Email!, PortalFixture.TestPassword);
        await page.OpenAsync("/Inbox");
        await page.GetByTestId("inbox").GetByRole(AriaRole.Link,
            new() { Name = journey.T("Inbox.EvaluationSubmitted", $"{roundTitle} · {title} · {school.Name}", school.Name), Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("self-comment")).ToHaveTextAsync("全年完成帮扶计划");
        await page.GetByLabel($"{journey.T("Evaluation.ReviewScore")} 1", new() { Exact = true }).FillAsync("8");
        await page.GetByLabel($"{journey.T("Evaluation.ReviewScore")} 2", new() { Exact = true }).FillAsync("16");
        await page.GetByLabel($"{journey.T("Evaluation.ReviewScore")} 3", new() { Exact = true }).FillAsync("7");
        await page.GetByLabel(journey.T("Evaluation.ReviewComment"), new() { Exact = true }).FillAsync("材料齐全");
        await journey.CheckpointAsync("review");
        await page.GetByTestId("submit-review").ClickAsync();
        await Expect(page.GetByTestId("evaluation-status")).ToHaveTextAsync(journey.Enum(PartyEvaluationStatus.Reviewed));

        // The prefecture publishes the results: the round's ranking, and the summaries' table.
        await journey.NewPersonAsync();
        page = journey.Page;
        await journey.SignInAsync(publisher.Email!, PortalFixture.TestPassword);
        await page.OpenAsync("/Evaluations");
        await page.GetByRole(AriaRole.Link, new() { Name = roundTitle, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = journey.T("Evaluation.PublishResults"), Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("round-status")).ToHaveTextAsync(journey.Enum(EvaluationRoundStatus.Published));
        var guangdong = language == "en" ? "Guangdong" : "广东省";
        await Expect(page.GetByTestId("ranking").Locator("tbody tr")).ToContainTextAsync(guangdong);
        await Expect(page.GetByTestId("ranking").Locator("tbody tr")).ToContainTextAsync("78.0"); // 24 + 40 + 14
        await journey.CheckpointAsync("published");
        await page.OpenAsync($"/Summaries?from=2025&to=2025");
        await Expect(page.GetByTestId("summary-evaluations").Locator("tbody tr", new() { HasText = roundTitle })).ToContainTextAsync("78.0");

        // The principal reads the result.
        await journey.NewPersonAsync();
        page = journey.Page;
        await journey.SignInAsync(principal.Email!, PortalFixture.TestPassword);
        await page.OpenAsync("/Inbox");
        await page.GetByTestId("inbox").GetByRole(AriaRole.Link,
            new() { Name = journey.T("Inbox.EvaluationPublished", $"{roundTitle} · {title} · {school.Name}"), Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("evaluation-result")).ToHaveTextAsync(journey.T("Evaluation.ResultIs", "78.0"));
        await Expect(page.GetByTestId("review-comment")).ToHaveTextAsync("材料齐全");
        await journey.CheckpointAsync("result");

        var told = await Portal.WithDatabaseAsync(db => db.Notifications.Where(n => n.RecipientUserId == principal.Id).Select(n => n.Kind).ToListAsync());
        Assert.Equal([NotificationKind.EvaluationOpened, NotificationKind.EvaluationPublished], told.Order());
        journey.AssertClean();
    }
}
