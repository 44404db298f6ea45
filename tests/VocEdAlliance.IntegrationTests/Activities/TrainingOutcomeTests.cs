namespace VocEdAlliance.IntegrationTests.Activities;

/// <summary>A training's outcomes beyond head counts — employed, families benefited, leaders produced — are recorded on
/// the activity, checked against the people it trained, and counted on the summaries' training table. In Tianjin's Hexi
/// district (120103), where nothing else is counted.</summary>
public class TrainingOutcomeTests(PortalFixture portal)
{
    private static List<string[]> Rows(PortalPage page) =>
        [.. page.Document.QuerySelectorAll("[data-testid=summary-trainings] tbody tr")
            .Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray())];

    [Fact]
    public async Task A_trainings_employed_cannot_exceed_its_trainees_and_the_rate_counts_only_trainings_that_report_employment()
    {
        var school = await portal.CreateInstitutionAsync("120103", "河西技能培训校");
        var enterprise = await portal.CreateInstitutionAsync("120103", "河西合作企业");
        var agreementId = await portal.CreatePairingAsync(school, enterprise, recorderKey: "r:120103");
        using var session = await portal.SignedInBureauStaffAsync("120103", "河西区教育局（测试）");

        var form = await session.GetAsync($"/Activities/Create?agreementId={agreementId}");
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "SkillsTraining", ["Input.Title"] = "河西电商技能培训", ["Input.StartsOn"] = "2023", ["Input.EndsOn"] = "2024",
            ["Input.Trainees"] = "200", ["Input.Employed"] = "250", ["Input.HouseholdsBenefited"] = "50",
        };
        fields["Input.Employed"] = "3000000000";
        var tooMany = await session.SubmitAsync(form, PortalSession.MainForm, fields);
        Assert.Contains("10,000,000", tooMany.FieldError("Input.Employed"), StringComparison.Ordinal); // its range, not "not a number"
        fields["Input.Employed"] = "250";
        var refused = await session.SubmitAsync(tooMany, PortalSession.MainForm, fields);
        Assert.Equal("不能多于参加培训的学生和培训人次之和。", refused.FieldError("Input.Employed"));
        Assert.Equal("250", refused.Document.QuerySelector("input[name='Input.Employed']")?.GetAttribute("value"));
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.Activities.CountAsync(a => a.AgreementId == agreementId)));

        fields["Input.Employed"] = "180";
        var recorded = await session.SubmitAsync(refused, PortalSession.MainForm, fields);
        Assert.Contains("90.0%", recorded.Document.QuerySelector("[data-testid=employed]")!.TextContent, StringComparison.Ordinal);

        // A second training reports its leaders but not its employed: it is not counted as placing no one.
        var second = await session.GetAsync($"/Activities/Create?agreementId={agreementId}");
        await session.SubmitAsync(second, PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Kind"] = "SkillsTraining", ["Input.Title"] = "河西农民学院", ["Input.StartsOn"] = "2024-03", ["Input.Students"] = "100",
            ["Input.IndustryLeaders"] = "10",
        });

        var rows = Rows(await session.GetAsync("/Summaries?from=2023&to=2024"));
        // activity, start, end, trained, employed, rate, families, leaders — the total first.
        Assert.Equal(["合计", "", "", "300", "180", "90.0%", "50", "10"], rows[0]);
        Assert.Equal(["河西电商技能培训", "2023年", "2024年", "200", "180", "90.0%", "50", ""], rows[1]);
        Assert.Equal(["河西农民学院", "2024年3月", "", "100", "", "", "", "10"], rows[2]);
        // Each counts in the year it started, as its trainees and students do in the other panels.
        Assert.Equal(["合计", "", "", "100", "", "", "", "10"], Rows(await session.GetAsync("/Summaries?from=2024&to=2024"))[0]);
        Assert.Empty(Rows(await session.GetAsync("/Summaries?from=2021&to=2022")));

        var csv = await session.Http.GetStringAsync("/Activities?handler=Export&format=csv&q=河西电商", TestContext.Current.CancellationToken);
        var line = csv.Split("\r\n").Single(l => l.Contains("河西电商技能培训", StringComparison.Ordinal));
        // …participants, students, teachers, trainees, employed, families, leaders, giver…
        Assert.Contains(",,,200,180,50,,", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trainings_whose_figures_add_up_past_two_billion_are_still_counted_and_the_page_answers()
    {
        // Found by the independent check: 110 imported trainings of 10,000,000 each made the summaries answer 500 for
        // every reader who saw them. In Tianjin's Hongqiao district (120106), where nothing else is counted.
        var school = await portal.CreateInstitutionAsync("120106", "红桥大培训校");
        var other = await portal.CreateInstitutionAsync("120106", "红桥大培训企业");
        var agreementId = await portal.CreatePairingAsync(school, other, recorderKey: "r:120106");
        await portal.WithDatabaseAsync(async db =>
        {
            var agreement = await db.Agreements.Include(a => a.Parties).SingleAsync(a => a.Id == agreementId);
            var recorder = (await db.Users.FirstAsync()).Id;
            for (var i = 0; i < 220; i++)
            {
                db.Activities.Add(Web.Domain.Activities.CooperationActivity.Record(agreement, null, new Web.Domain.Activities.ActivityDetails(
                    Web.Domain.Activities.ActivityKind.SkillsTraining, $"红桥大培训{i}", new DateOnly(2025, 5, 1), null, null, null,
                    new Web.Domain.Activities.ActivityOutcomes(Trainees: 10_000_000, Employed: 10_000_000, HouseholdsBenefited: 10_000_000), null),
                    recorder, DateTimeOffset.UtcNow));
            }
            return await db.SaveChangesAsync();
        });
        using var session = await portal.SignedInBureauStaffAsync("120106", "红桥区教育局（测试）");

        var page = await session.GetAsync("/Summaries?from=2025&to=2025");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["合计", "", "", "2,200,000,000", "2,200,000,000", "100.0%", "2,200,000,000", ""], Rows(page)[0]);
    }
}
