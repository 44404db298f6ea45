using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Programmes;

namespace VocEdAlliance.UnitTests.Domain;

/// <summary>Programmes: catalogue codes by level, the years they are taught, their yearly figures, and the one rule of
/// alignment with local key industries.</summary>
public class ProgrammeTests
{
    private static readonly Institution School = new("郴州演示职业学校", null, InstitutionKind.SecondaryVocationalSchool, Ownership.Public, "431002",
        new InstitutionProfile(), 2026);

    private static ProgrammeDetails Details(string code = "660301", ProgrammeLevel level = ProgrammeLevel.SecondaryVocational, int? opened = 2020,
        int? closed = null, string? closedReason = null, Guid? industry = null, params ProgrammeYear[] years) =>
        new("数控技术应用", level, code, opened, closed, closedReason, null, null, industry, years);

    [Theory]
    [InlineData("660301", ProgrammeLevel.SecondaryVocational, 46)]
    [InlineData("460103", ProgrammeLevel.HigherVocational, 46)]
    [InlineData("260102", ProgrammeLevel.VocationalUndergraduate, 46)]
    [InlineData("730701", ProgrammeLevel.SecondaryVocational, 53)]
    public void A_code_names_its_major_category_at_its_level(string code, ProgrammeLevel level, int category) =>
        Assert.Equal(category, Programme.Create(School, Details(code, level)).MajorCategory);

    [Theory]
    [InlineData("460103", ProgrammeLevel.SecondaryVocational)]
    [InlineData("660301", ProgrammeLevel.HigherVocational)]
    [InlineData("60301", ProgrammeLevel.SecondaryVocational)]
    [InlineData("6603O1", ProgrammeLevel.SecondaryVocational)]
    [InlineData("800101", ProgrammeLevel.SecondaryVocational)]
    public void A_code_that_is_not_six_digits_of_a_category_of_its_level_is_refused_on_its_field(string code, ProgrammeLevel level)
    {
        var refused = Assert.Throws<DomainException>(() => Programme.Create(School, Details(code, level)));

        Assert.Equal(("Programme.CatalogueCode", "CatalogueCode"), (refused.MessageKey, refused.Field));
    }

    [Fact]
    public void A_programme_is_taught_from_the_year_it_opened_until_the_year_it_closed()
    {
        var programme = Programme.Create(School, Details(opened: 2020, closed: 2024, closedReason: "与产业需求不匹配"));

        Assert.False(programme.IsOpenIn(2019));
        Assert.True(programme.IsOpenIn(2020));
        Assert.True(programme.IsOpenIn(2023));
        Assert.False(programme.IsOpenIn(2024));
    }

    [Fact]
    public void Closing_needs_a_reason_and_cannot_come_before_opening()
    {
        Assert.Equal("ClosedReason", Assert.Throws<DomainException>(() => Programme.Create(School, Details(closed: 2024))).Field);
        Assert.Equal("Programme.ClosedBeforeOpened",
            Assert.Throws<DomainException>(() => Programme.Create(School, Details(opened: 2024, closed: 2023, closedReason: "原因"))).MessageKey);
    }

    [Fact]
    public void A_years_figures_cannot_employ_more_than_graduated_or_locally_more_than_employed_and_each_year_comes_once()
    {
        Assert.Equal("Programme.EmployedMoreThanGraduated",
            Assert.Throws<DomainException>(() => Programme.Create(School, Details(years: new ProgrammeYear(2024, null, 10, 11, null)))).MessageKey);
        Assert.Equal("Programme.EmployedMoreThanGraduated",
            Assert.Throws<DomainException>(() => Programme.Create(School, Details(years: new ProgrammeYear(2024, null, 10, 8, 9)))).MessageKey);
        Assert.Equal("Programme.YearTwice", Assert.Throws<DomainException>(() => Programme.Create(School,
            Details(years: [new ProgrammeYear(2024, 1, 1, 1, 1), new ProgrammeYear(2024, 2, 2, 2, 2)]))).MessageKey);
    }

    [Fact]
    public void Only_a_school_has_programmes()
    {
        var enterprise = new Institution("演示企业", null, InstitutionKind.Enterprise, Ownership.Private, "431002", new InstitutionProfile(), 2026);

        Assert.Equal("Programme.NotASchool", Assert.Throws<DomainException>(() => Programme.Create(enterprise, Details())).MessageKey);
    }

    [Fact]
    public void A_programme_is_aligned_in_the_years_a_key_industry_of_its_region_or_above_is_in_force()
    {
        var city = new KeyIndustry("431000", "新能源与锂电池", 2021, 2025);
        var elsewhere = new KeyIndustry("430100", "工程机械", 2021, null);
        var programme = Programme.Create(School, Details(opened: 2020, industry: city.Id));

        Assert.True(AlignmentRule.IsAligned(programme, city, 2024));
        Assert.False(AlignmentRule.IsAligned(programme, city, 2026));
        Assert.False(AlignmentRule.IsAligned(programme, city, 2019));
        Assert.False(AlignmentRule.IsAligned(programme, elsewhere, 2024));
        Assert.False(AlignmentRule.IsAligned(programme, null, 2024));
        Assert.True(AlignmentRule.IsAligned(programme, new KeyIndustry("430000", "有色金属", 2016, null), 2024));
    }

    [Fact]
    public void Employed_needs_graduates_and_employed_locally_needs_employed_so_no_rate_exceeds_100_percent()
    {
        Assert.Equal("Programme.EmployedMoreThanGraduated",
            Assert.Throws<DomainException>(() => Programme.Create(School, Details(years: new ProgrammeYear(2024, null, null, 100, 100)))).MessageKey);
        Assert.Equal("Programme.EmployedMoreThanGraduated",
            Assert.Throws<DomainException>(() => Programme.Create(School, Details(years: new ProgrammeYear(2024, null, 10, null, 5)))).MessageKey);
        Programme.Create(School, Details(years: new ProgrammeYear(2024, 30, 20, null, null)));
    }

    [Theory]
    [InlineData(2020, null, 2019)]
    [InlineData(2010, 2015, 2015)]
    [InlineData(2010, 2015, 2020)]
    public void A_programme_is_downsized_only_in_a_year_it_is_taught(int opened, int? closed, int downsized)
    {
        var refused = Assert.Throws<DomainException>(() => Programme.Create(School,
            new ProgrammeDetails("数控技术应用", ProgrammeLevel.SecondaryVocational, "660301", opened, closed, closed is null ? null : "停办", downsized, "缩减", null, [])));

        Assert.Equal(("Programme.DownsizedWhenNotTaught", "DownsizedIn"), (refused.MessageKey, refused.Field));
    }
}
