using VocEdAlliance.Web.Domain;

namespace VocEdAlliance.UnitTests.Domain;

/// <summary>Dates as precise as their source: a year, a month or a day, in the spellings people use, kept as the
/// period's first day with its precision.</summary>
public class PartialDateTests
{
    [Theory]
    [InlineData("2016", DatePrecision.Year, "2016-01-01", "2016-12-31", "2016")]
    [InlineData("2016年", DatePrecision.Year, "2016-01-01", "2016-12-31", "2016")]
    [InlineData("2016-4", DatePrecision.Month, "2016-04-01", "2016-04-30", "2016-04")]
    [InlineData("2016年2月", DatePrecision.Month, "2016-02-01", "2016-02-29", "2016-02")]
    [InlineData("2016/4/18", DatePrecision.Day, "2016-04-18", "2016-04-18", "2016-04-18")]
    [InlineData("2016年4月18日", DatePrecision.Day, "2016-04-18", "2016-04-18", "2016-04-18")]
    public void A_year_a_month_or_a_day_is_read_as_such(string text, DatePrecision precision, string start, string end, string written)
    {
        var date = PartialDate.Parse(text)!.Value;
        Assert.Equal((precision, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), written),
            (date.Precision, date.Start, date.End, date.ToString()));
    }

    [Theory]
    [InlineData("2016-13")]
    [InlineData("16")]
    [InlineData("2016-02-30")]
    [InlineData("twenty16")]
    public void Anything_else_is_not_a_date(string text) => Assert.Null(PartialDate.Parse(text));

    [Fact]
    public void An_activity_known_by_its_year_keeps_the_year_and_may_end_within_it()
    {
        var alliance = new VocEdAlliance.Web.Domain.Alliances.Alliance("汝城联盟", null, VocEdAlliance.Web.Domain.Alliances.AllianceKind.IndustryEducationAlliance, [], null, null, null,
            new VocEdAlliance.Web.Domain.Alliances.MemberTerms(Guid.NewGuid(), "汝城县教育局", VocEdAlliance.Web.Domain.Organisations.OrganisationType.EducationBureau, "431026",
                VocEdAlliance.Web.Domain.Alliances.MemberRole.Lead, null));
        var activity = VocEdAlliance.Web.Domain.Activities.CooperationActivity.Record(null, alliance,
            new VocEdAlliance.Web.Domain.Activities.ActivityDetails(VocEdAlliance.Web.Domain.Activities.ActivityKind.SkillsTraining, "汝城培训",
                new DateOnly(2018, 7, 9), new DateOnly(2018, 3, 1), null, null, new VocEdAlliance.Web.Domain.Activities.ActivityOutcomes(), null, null,
                DatePrecision.Year, DatePrecision.Month), Guid.NewGuid(), DateTimeOffset.UtcNow);
        Assert.Equal(("2018", "2018-03"), (activity.Starts.ToString(), activity.Ends!.Value.ToString()));
        Assert.Equal(new DateOnly(2018, 1, 1), activity.StartsOn); // the year counts in 2018, no day invented
    }
}
