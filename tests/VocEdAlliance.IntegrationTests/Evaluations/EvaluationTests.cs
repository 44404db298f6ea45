using Microsoft.Extensions.DependencyInjection;
using VocEdAlliance.Web.Domain.Evaluations;
using VocEdAlliance.Web.Domain.Inbox;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.IntegrationTests.Evaluations;

/// <summary>Evaluation rounds over HTTP: a bureau publishes a rubric for its jurisdiction, each party's side assesses
/// itself, the bureau above reviews, the results are published, locked and ranked; scores outside the rubric are
/// explained next to their field; nobody outside an agreement's scope sees its evaluations. Each test publishes as a
/// county bureau of Foshan (4406) of its own, so no round sweeps another test's agreements.</summary>
public class EvaluationTests(PortalFixture portal)
{
    private static readonly Dictionary<string, string> Rubric = new()
    {
        ["Input.Title"] = "测试年度考核", ["Input.Year"] = "2025", ["Input.DueOn"] = "2026-03-31",
        ["Input.Criteria[0].Name"] = "组织保障", ["Input.Criteria[0].Weight"] = "40", ["Input.Criteria[0].MaxScore"] = "10",
        ["Input.Criteria[1].Name"] = "帮扶成效", ["Input.Criteria[1].Weight"] = "60", ["Input.Criteria[1].MaxScore"] = "20",
    };

    /// <summary>A county with a staffed bureau, two schools there paired (active), and the bureau's session.</summary>
    private async Task<(Guid Agreement, Institution First, Institution Second, PortalSession Bureau)> CountyAsync(string county)
    {
        var first = await portal.CreateInstitutionAsync(county, "佛山考核甲校");
        var second = await portal.CreateInstitutionAsync(county, "佛山考核乙校");
        var agreement = await portal.CreatePairingAsync(first, second, recorderKey: "r:" + county);
        var bureau = await portal.CreateBureauAsync(county, $"佛山区教育局{county}");
        var staff = await portal.CreateUserAsync(Roles.BureauStaff, organisationId: bureau.Id);
        return (agreement, first, second, await portal.SignedInAsync(staff));
    }

    private static async Task<Guid> OpenRoundAsync(PortalSession bureau, IReadOnlyDictionary<string, string>? rubric = null)
    {
        var saved = await bureau.SubmitAsync(await bureau.GetAsync("/Evaluations/Edit"), "[data-testid=round-form]", rubric ?? Rubric);
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        var id = Guid.Parse(saved.Url.AbsolutePath.Split('/').Last());
        var opened = await bureau.SubmitAsync(saved, "[data-testid=open-form]");
        Assert.Equal("自评中", opened.Document.QuerySelector("[data-testid=round-status]")!.TextContent.Trim());
        return id;
    }

    [Fact]
    public async Task A_round_runs_from_rubric_to_ranked_result_and_is_locked_once_published()
    {
        var (agreement, first, second, bureau) = await CountyAsync("440604");
        var principalUser = await portal.CreateUserAsync(Roles.SchoolPrincipal, organisationId: first.Id);
        var roundId = await OpenRoundAsync(bureau);
        var evaluations = await portal.WithDatabaseAsync(db => db.PartyEvaluations.Where(e => e.RoundId == roundId)
            .ToDictionaryAsync(e => e.OrganisationId, e => e.Id));
        Assert.Equal([first.Id, second.Id], evaluations.Keys.Order());
        Assert.All(await portal.WithDatabaseAsync(db => db.PartyEvaluations.Where(e => e.RoundId == roundId).Select(e => e.AgreementId).ToListAsync()),
            id => Assert.Equal(agreement, id));

        // The first school's principal: told in the inbox, assesses itself and submits.
        Assert.Contains(NotificationKind.EvaluationOpened,
            await portal.WithDatabaseAsync(db => db.Notifications.Where(n => n.RecipientUserId == principalUser.Id).Select(n => n.Kind).ToListAsync()));
        using var principal = await portal.SignedInAsync(principalUser);
        var own = await principal.GetAsync($"/Evaluations/Party/{evaluations[first.Id]}");
        var scores = new Dictionary<string, string> { ["Input.Scores[0]"] = "8", ["Input.Scores[1]"] = "15", ["Input.Comment"] = "按计划完成" };
        var submitted = await principal.SubmitAsync(own, "[data-testid=evaluation-form]", scores, submitter: ("step", "submit"));
        Assert.Contains("待审核", submitted.Document.QuerySelector("[data-testid=evaluation-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("77.0", submitted.Document.QuerySelector("[data-testid=self-total]")!.TextContent.Trim()); // 40×8/10 + 60×15/20

        // The county bureau (above the school, and the nearest with an account) reviews; the party does not see it yet.
        var review = await bureau.GetAsync($"/Evaluations/Party/{evaluations[first.Id]}");
        var reviewed = await bureau.SubmitAsync(review, "[data-testid=evaluation-form]",
            new Dictionary<string, string> { ["Input.Scores[0]"] = "9", ["Input.Scores[1]"] = "16.5", ["Input.Comment"] = "材料齐全" });
        Assert.Contains("已审核", reviewed.Document.QuerySelector("[data-testid=evaluation-status]")!.TextContent, StringComparison.Ordinal);
        var beforePublishing = await principal.GetAsync($"/Evaluations/Party/{evaluations[first.Id]}");
        Assert.Null(beforePublishing.Document.QuerySelector("[data-testid=review-total]"));
        Assert.Null(beforePublishing.Document.QuerySelector("[data-testid=evaluation-result]"));
        var history = await principal.GetAsync($"/History/evaluation/{evaluations[first.Id]}");
        Assert.Equal(HttpStatusCode.OK, history.Status);
        Assert.DoesNotContain("材料齐全", history.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("16.5", history.Text, StringComparison.Ordinal);

        // Published: the principal reads the result (40×9/10 + 60×16.5/20 = 85.5), the round ranks Guangdong.
        var round = await bureau.GetAsync($"/Evaluations/{roundId}");
        var published = await bureau.SubmitAsync(round, "[data-testid=publish-form]");
        var ranking = published.Document.QuerySelector("[data-testid=ranking] tbody tr")!.TextContent;
        Assert.Contains("广东省", ranking, StringComparison.Ordinal);
        Assert.Contains("85.5", ranking, StringComparison.Ordinal);
        var result = await principal.GetAsync($"/Evaluations/Party/{evaluations[first.Id]}");
        Assert.Contains("85.5", result.Document.QuerySelector("[data-testid=evaluation-result]")!.TextContent, StringComparison.Ordinal);
        var unreviewed = await principal.GetAsync($"/Evaluations/Party/{evaluations[second.Id]}");
        Assert.Contains("无结果", unreviewed.Document.QuerySelector("[data-testid=evaluation-result]")!.TextContent, StringComparison.Ordinal);
        var told = await portal.WithDatabaseAsync(db => db.Notifications.Where(n => n.RecipientUserId == principalUser.Id).Select(n => n.Kind).ToListAsync());
        Assert.Contains(NotificationKind.EvaluationPublished, told);

        // Locked: the second school's side can no longer assess itself; the rubric no longer changes.
        var late = await bureau.GetAsync($"/Evaluations/Party/{evaluations[second.Id]}");
        Assert.Null(late.Document.QuerySelector("[data-testid=submit-assessment]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await bureau.GetAsync($"/Evaluations/Edit/{roundId}")).Status);
        var stored = await portal.WithDatabaseAsync(db => db.PartyEvaluations.SingleAsync(e => e.Id == evaluations[second.Id]));
        Assert.Equal(PartyEvaluationStatus.Open, stored.Status);
    }

    [Fact]
    public async Task Weights_that_do_not_make_100_and_scores_outside_the_rubric_are_explained_and_change_nothing()
    {
        var (_, first, _, bureau) = await CountyAsync("440605");
        var form = await bureau.GetAsync("/Evaluations/Edit");
        var wrong = new Dictionary<string, string>(Rubric) { ["Input.Criteria[1].Weight"] = "50", ["Input.Title"] = "权重不足的考核" };
        var refused = await bureau.SubmitAsync(form, "[data-testid=round-form]", wrong);
        Assert.Contains("合计为 90", refused.Document.QuerySelector("[data-testid=criteria-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("组织保障", refused.Document.QuerySelector("input[name='Input.Criteria[0].Name']")!.GetAttribute("value"));
        Assert.False(await portal.WithDatabaseAsync(db => db.EvaluationRounds.AnyAsync(r => r.Title == "权重不足的考核")));

        var roundId = await OpenRoundAsync(bureau);
        var evaluation = await portal.WithDatabaseAsync(db => db.PartyEvaluations.SingleAsync(e => e.RoundId == roundId && e.OrganisationId == first.Id));
        // The publishing bureau reviews in its own round; it is offered no self-assessment to write.
        Assert.Null((await bureau.GetAsync($"/Evaluations/Party/{evaluation.Id}")).Document.QuerySelector("[data-testid=submit-assessment]"));
        using var principal = await portal.SignedInPrincipalAsync(first);
        var own = await principal.GetAsync($"/Evaluations/Party/{evaluation.Id}");
        var tooHigh = await principal.SubmitAsync(own, "[data-testid=evaluation-form]",
            new Dictionary<string, string> { ["Input.Scores[0]"] = "11", ["Input.Scores[1]"] = "7.3", ["Input.Comment"] = "保留的说明" }, submitter: ("step", "submit"));
        Assert.Contains("0 至 10", tooHigh.FieldError("Input.Scores[0]"), StringComparison.Ordinal);
        Assert.Equal("保留的说明", tooHigh.Document.QuerySelector("textarea[name='Input.Comment']")!.TextContent.Trim());
        var missing = await principal.SubmitAsync(tooHigh, "[data-testid=evaluation-form]",
            new Dictionary<string, string> { ["Input.Scores[0]"] = "10", ["Input.Scores[1]"] = "" }, submitter: ("step", "submit"));
        Assert.Contains("帮扶成效", missing.FieldError("Input.Scores[1]"), StringComparison.Ordinal);
        // Text for a score: named as "this value", and what was typed stays in the field.
        var text = await principal.SubmitAsync(missing, "[data-testid=evaluation-form]",
            new Dictionary<string, string> { ["Input.Scores[0]"] = "abc", ["Input.Scores[1]"] = "3" });
        Assert.StartsWith("此项", text.FieldError("Input.Scores[0]"), StringComparison.Ordinal);
        Assert.Equal("abc", text.Document.QuerySelector("input[name='Input.Scores[0]']")!.GetAttribute("value"));
        var stored = await portal.WithDatabaseAsync(db => db.PartyEvaluations.SingleAsync(e => e.Id == evaluation.Id));
        Assert.Equal((PartyEvaluationStatus.Open, 0), (stored.Status, stored.SelfScores.Count));
    }

    [Fact]
    public async Task A_criterion_that_requires_evidence_cannot_be_submitted_without_it()
    {
        var (_, first, _, bureau) = await CountyAsync("440606");
        var rubric = new Dictionary<string, string>(Rubric) { ["Input.Criteria[1].EvidenceRequired"] = "true" };
        var roundId = await OpenRoundAsync(bureau, rubric);
        var evaluation = await portal.WithDatabaseAsync(db => db.PartyEvaluations.SingleAsync(e => e.RoundId == roundId && e.OrganisationId == first.Id));
        using var principal = await portal.SignedInPrincipalAsync(first);
        var own = await principal.GetAsync($"/Evaluations/Party/{evaluation.Id}");
        var refused = await principal.SubmitAsync(own, "[data-testid=evaluation-form]",
            new Dictionary<string, string> { ["Input.Scores[0]"] = "8", ["Input.Scores[1]"] = "15" }, submitter: ("step", "submit"));
        Assert.Contains("帮扶成效", refused.Document.QuerySelector("[data-testid=file-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(PartyEvaluationStatus.Open, await portal.WithDatabaseAsync(db => db.PartyEvaluations.Where(e => e.Id == evaluation.Id).Select(e => e.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_bureau_elsewhere_neither_sees_nor_reviews_another_jurisdictions_evaluations()
    {
        var (_, first, _, bureau) = await CountyAsync("440607");
        var roundId = await OpenRoundAsync(bureau);
        var evaluation = await portal.WithDatabaseAsync(db => db.PartyEvaluations.SingleAsync(e => e.RoundId == roundId && e.OrganisationId == first.Id));
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await zunyi.GetAsync($"/Evaluations/Party/{evaluation.Id}")).Status);
        var round = await zunyi.GetAsync($"/Evaluations/{roundId}");
        Assert.Null(round.Document.QuerySelector("[data-testid=parties]"));
        Assert.Null(round.Document.QuerySelector("[data-testid=publish-form]"));
        using var ministry = await portal.SignedInAsync("ministry@demo.local");
        Assert.Null((await ministry.GetAsync($"/Evaluations/{roundId}")).Document.QuerySelector("[data-testid=publish-form]"));
    }

    [Fact]
    public async Task A_self_assessment_due_within_a_week_is_reminded_once_in_the_inbox()
    {
        var (_, first, _, bureau) = await CountyAsync("440804");
        var principal = await portal.CreateUserAsync(Roles.SchoolPrincipal, organisationId: first.Id);
        var chinaToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var roundId = await OpenRoundAsync(bureau, new Dictionary<string, string>(Rubric)
        {
            ["Input.Year"] = (chinaToday.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.DueOn"] = chinaToday.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        var expiry = portal.Factory.Services.GetRequiredService<VocEdAlliance.Web.Data.AgreementExpiry>();
        await expiry.RunOnceAsync(TestContext.Current.CancellationToken);
        await expiry.RunOnceAsync(TestContext.Current.CancellationToken);

        var evaluationId = await portal.WithDatabaseAsync(db => db.PartyEvaluations.Where(e => e.RoundId == roundId && e.OrganisationId == first.Id).Select(e => e.Id).SingleAsync());
        var due = await portal.WithDatabaseAsync(db => db.Notifications.Where(n => n.RecordId == evaluationId && n.Kind == NotificationKind.EvaluationDue)
            .Select(n => n.RecipientUserId).ToListAsync());
        Assert.Equal(1, due.Count(id => id == principal.Id));
    }

    [Fact]
    public async Task A_draft_saved_meanwhile_in_another_tab_is_shown_and_saving_again_overwrites_knowingly()
    {
        var (_, first, _, bureau) = await CountyAsync("440811");
        var roundId = await OpenRoundAsync(bureau);
        var evaluation = await portal.WithDatabaseAsync(db => db.PartyEvaluations.SingleAsync(e => e.RoundId == roundId && e.OrganisationId == first.Id));
        using var principal = await portal.SignedInPrincipalAsync(first);
        var tabA = await principal.GetAsync($"/Evaluations/Party/{evaluation.Id}");
        var tabB = await principal.GetAsync($"/Evaluations/Party/{evaluation.Id}");
        await principal.SubmitAsync(tabA, "[data-testid=evaluation-form]", new Dictionary<string, string> { ["Input.Scores[0]"] = "6", ["Input.Comment"] = "甲页" });

        var conflict = await principal.SubmitAsync(tabB, "[data-testid=evaluation-form]", new Dictionary<string, string> { ["Input.Scores[0]"] = "9", ["Input.Comment"] = "乙页" });
        Assert.Contains("甲页", conflict.Document.QuerySelector("[data-testid=concurrency-conflict]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("9", conflict.Document.QuerySelector("input[name='Input.Scores[0]']")!.GetAttribute("value"));
        var again = await principal.SubmitAsync(conflict, "[data-testid=evaluation-form]");
        Assert.Null(again.Document.QuerySelector("[data-testid=concurrency-conflict]"));
        var stored = await portal.WithDatabaseAsync(db => db.PartyEvaluations.SingleAsync(e => e.Id == evaluation.Id));
        Assert.Equal((9m, "乙页"), (stored.SelfScores[0]!.Value, stored.SelfComment));
    }

    [Fact]
    public async Task A_draft_round_is_seen_only_by_its_publisher()
    {
        var (_, _, _, bureau) = await CountyAsync("440608");
        var saved = await bureau.SubmitAsync(await bureau.GetAsync("/Evaluations/Edit"), "[data-testid=round-form]",
            new Dictionary<string, string>(Rubric) { ["Input.Title"] = "草稿考核440608" });
        var id = saved.Url.AbsolutePath.Split('/').Last();
        using var zunyi = await portal.SignedInAsync("zunyi.staff@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await zunyi.GetAsync($"/Evaluations/{id}")).Status);
        Assert.DoesNotContain("草稿考核440608", (await zunyi.GetAsync("/Evaluations")).Text, StringComparison.Ordinal);
    }
}

/// <summary>The demo's East–West 2019 evaluation round (docs/demo-data.md): published by the ministry, every side of the
/// ten pairings reviewed, ranked by province on the summaries; the plan's 2019 yearly plans are there too.</summary>
public class EastWestEvaluationDemoTests(PortalFixture portal)
{
    [Fact]
    public async Task The_ministry_reads_the_2019_ranking_by_province_on_the_summaries()
    {
        using var ministry = await portal.SignedInAsync("ministry@demo.local");
        var summaries = await ministry.GetAsync("/Summaries?from=2019&to=2019");
        var rows = summaries.Document.QuerySelectorAll("[data-testid=summary-evaluations] tbody tr")
            .Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToArray())
            .Where(cells => cells[0] == VocEdAlliance.Web.Data.Seed.DemoData.EastWestRoundTitle)
            .ToDictionary(cells => cells[3], cells => cells[2..]);
        Assert.Equal(11, rows.Count); // ten eastern provinces and Yunnan
        // rank, province, parties with a result, average, best
        Assert.Equal(["10", "云南省", "10", "82.4", "86.0"], rows["云南省"]);
        Assert.Equal(["1", "上海市", "1", "89.0", "89.0"], rows["上海市"]);
        Assert.Equal(["11", "北京市", "1", "77.0", "77.0"], rows["北京市"]);
        Assert.Equal(3, rows.Values.Count(r => r[0] == "1")); // Shanghai, Jiangsu and Guangdong share the first place

        var plans = await portal.WithDatabaseAsync(db => db.Plans.CountAsync(p => p.Year == 2019 && p.Agreement!.Title.Contains("职业教育结对帮扶协议（演示）")));
        Assert.Equal(10, plans);
    }

    [Fact]
    public async Task The_counterpart_support_of_Xinjiang_Tibet_and_the_Tibetan_areas_and_a_charity_training_are_records()
    {
        using var ministry = await portal.SignedInAsync("ministry@demo.local");
        var support = await portal.WithDatabaseAsync(db => db.Agreements.Where(a => a.Title.StartsWith("对口支援"))
            .Select(a => new { a.Title, Provinces = a.Parties.Select(p => p.RegionCode.Substring(0, 2)).ToList() }).ToListAsync());
        Assert.Equal(["51", "54", "65"], support.SelectMany(a => a.Provinces).Where(p => p is not ("31" or "33")).Order());

        var trainingId = await portal.WithDatabaseAsync(db => db.Activities.Where(a => a.SourceOfFunds == VocEdAlliance.Web.Data.Seed.DemoData.CharityFundsSource)
            .Select(a => a.Id).SingleAsync());
        var training = await ministry.GetAsync($"/Activities/{trainingId}");
        Assert.Equal(VocEdAlliance.Web.Data.Seed.DemoData.CharityFundsSource, training.Document.QuerySelector("[data-testid=source-of-funds]")!.TextContent.Trim());
        Assert.Contains("教育体育局", training.Document.QuerySelector("[data-testid=giver]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bureau_without_a_party_in_the_round_sees_no_ranking_of_it()
    {
        using var hunan = await portal.SignedInAsync("hunan.staff@demo.local");
        var summaries = await hunan.GetAsync("/Summaries?from=2019&to=2019");
        Assert.DoesNotContain(VocEdAlliance.Web.Data.Seed.DemoData.EastWestRoundTitle,
            summaries.Document.QuerySelector("[data-testid=summary-evaluations]")?.TextContent ?? string.Empty, StringComparison.Ordinal);
    }
}
