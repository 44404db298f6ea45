using VocEdAlliance.Web.Domain.Agreements;

namespace VocEdAlliance.IntegrationTests.Agreements;

/// <summary>An agreement whose source gives only the year it took effect is recorded as that year: no invented day on
/// its page, in the list or the export, and it counts in that year on the summaries. In Tianjin's Hedong district
/// (120102), where nothing else is counted.</summary>
public class PartialDateAgreementTests(PortalFixture portal)
{
    [Fact]
    public async Task An_agreement_known_by_the_year_it_took_effect_is_shown_and_exported_as_that_year()
    {
        var first = await portal.CreateInstitutionAsync("120102", "河东年份甲校");
        var second = await portal.CreateInstitutionAsync("120102", "河东年份乙校");
        using var session = await portal.SignedInBureauStaffAsync("120102", "河东区教育局（测试）");

        var recorded = await session.SubmitAsync(await session.GetAsync("/Agreements/Create"), PortalSession.MainForm, new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(AgreementKind.Pairing), ["Input.Title"] = "河东只知年份的结对协议", ["Input.EffectiveFrom"] = "2019年",
            ["Input.Parties[0].Organisation"] = first.Name, ["Input.Parties[1].Organisation"] = second.Name,
            ["Input.Modes"] = nameof(CooperationMode.TeacherTraining),
        });

        Assert.Equal(HttpStatusCode.OK, recorded.Status);
        Assert.Contains("2019年", recorded.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("2019-01-01", recorded.Text, StringComparison.Ordinal);
        var edit = await session.GetAsync(recorded.Url.AbsolutePath.Replace("/Agreements/", "/Agreements/Edit/", StringComparison.Ordinal));
        Assert.Equal("2019", edit.Document.QuerySelector("input[name='Input.EffectiveFrom']")?.GetAttribute("value"));
        Assert.Contains("2019年", (await session.GetAsync("/Agreements?q=河东只知年份")).Document.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);

        var csv = await session.Http.GetStringAsync("/Agreements?handler=Export&format=csv&q=河东只知年份", TestContext.Current.CancellationToken);
        Assert.Contains(",\"2019\",", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("2019-01-01", csv, StringComparison.Ordinal);

        // The district bureau's summaries hold only this agreement: signed in 2019, and in no other year.
        var in2019 = await session.GetAsync("/Summaries?from=2019&to=2019");
        Assert.Equal("1", in2019.Document.QuerySelector("[data-testid=headline-agreements] dd")!.TextContent.Trim());
        var in2020 = await session.GetAsync("/Summaries?from=2020&to=2020");
        Assert.Equal("0", in2020.Document.QuerySelector("[data-testid=headline-agreements] dd")!.TextContent.Trim());
    }
}
