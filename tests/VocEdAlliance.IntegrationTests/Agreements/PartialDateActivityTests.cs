namespace VocEdAlliance.IntegrationTests.Agreements;

/// <summary>An activity whose source gives only the year or the month is recorded as such: no invented day on its
/// page or in the export, and it counts in its year on the summaries. In Tianjin's Heping district (120101), where nothing else is counted.</summary>
public class PartialDateActivityTests(PortalFixture portal)
{
    [Fact]
    public async Task An_activity_known_by_its_year_is_shown_and_exported_as_that_year_and_counts_in_it()
    {
        var first = await portal.CreateInstitutionAsync("120101", "和平年份校");
        var second = await portal.CreateInstitutionAsync("120101", "和平月份校");
        var agreementId = await portal.CreatePairingAsync(first, second, recorderKey: "r:120101");
        using var session = await portal.SignedInBureauStaffAsync("120101", "和平区教育局（测试）");

        var form = await session.GetAsync($"/Activities/Create?agreementId={agreementId}");
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "TeacherTraining", ["Input.Title"] = "只知年份的师资培训", ["Input.StartsOn"] = "2018年", ["Input.EndsOn"] = "2018-13",
            ["Input.Teachers"] = "30",
        };
        var refused = await session.SubmitAsync(form, PortalSession.MainForm, fields);
        Assert.Contains("2016-04", refused.FieldError("Input.EndsOn"), StringComparison.Ordinal);
        fields["Input.EndsOn"] = "2018-06";
        var recorded = await session.SubmitAsync(refused, PortalSession.MainForm, fields);

        Assert.Contains("2018年", recorded.Text, StringComparison.Ordinal);
        Assert.Contains("2018年6月", recorded.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("2018-01-01", recorded.Text, StringComparison.Ordinal);
        var edit = await session.GetAsync(recorded.Url.AbsolutePath.Replace("/Activities/", "/Activities/Edit/", StringComparison.Ordinal));
        Assert.Equal("2018", edit.Document.QuerySelector("input[name='Input.StartsOn']")?.GetAttribute("value"));

        var csv = await session.Http.GetStringAsync("/Activities?handler=Export&format=csv&q=只知年份", TestContext.Current.CancellationToken);
        Assert.Contains("\"2018\",\"2018-06\"", csv, StringComparison.Ordinal);

        // The county bureau's summaries hold only this activity: its 30 teachers count in 2018, and in no other year.
        var in2018 = await session.GetAsync("/Summaries?from=2018&to=2018");
        Assert.Equal("30", in2018.Document.QuerySelector("[data-testid=headline-teachers] dd")!.TextContent.Trim());
        var in2019 = await session.GetAsync("/Summaries?from=2019&to=2019");
        Assert.Equal("0", in2019.Document.QuerySelector("[data-testid=headline-teachers] dd")!.TextContent.Trim());
    }
}
