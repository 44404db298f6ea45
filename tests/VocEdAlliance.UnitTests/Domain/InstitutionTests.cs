using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.UnitTests.Domain;

public class InstitutionTests
{
    private static Institution School(InstitutionProfile? profile = null) =>
        new("浏阳市职业中专", null, InstitutionKind.SecondaryVocationalSchool, Ownership.Public, "430181",
            profile ?? new InstitutionProfile(), currentYear: 2026);

    [Fact]
    public void A_wrong_credit_code_is_refused_on_its_field()
    {
        var refusal = Assert.Throws<DomainException>(() => School(new InstitutionProfile(CreditCode: "914403001922038217")));

        Assert.Equal(("Institution.CreditCodeInvalid", "CreditCode"), (refusal.MessageKey, refusal.Field));
    }

    [Fact]
    public void A_credit_code_is_stored_in_upper_case_without_spaces()
    {
        Assert.Equal("9144030071526726XG", School(new InstitutionProfile(CreditCode: " 9144030071526726xg ")).CreditCode);
    }

    [Fact]
    public void A_founding_year_in_the_future_or_a_negative_enrolment_is_refused()
    {
        Assert.Equal("FoundedYear", Assert.Throws<DomainException>(() => School(new InstitutionProfile(FoundedYear: 2027))).Field);
        Assert.Equal("Enrolment", Assert.Throws<DomainException>(() => School(new InstitutionProfile(Enrolment: -1))).Field);
    }

    [Fact]
    public void A_blank_name_is_refused()
    {
        Assert.Equal("Name", Assert.Throws<DomainException>(() =>
            new Institution("  ", null, InstitutionKind.Enterprise, Ownership.Private, "430181", new InstitutionProfile(), 2026)).Field);
    }

    [Fact]
    public void Moving_an_institution_moves_who_may_see_it()
    {
        var school = School();

        school.Update(school.Name, null, school.Kind, school.Ownership, "520302", new InstitutionProfile(), 2026);

        Assert.Contains(AccessKeys.ForJurisdiction("520300"), school.AccessKeys);
        Assert.DoesNotContain(AccessKeys.ForJurisdiction("430181"), school.AccessKeys);
        Assert.Contains(AccessKeys.ForOrganisation(school.Id), school.AccessKeys);
    }
}
