using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Plans;

namespace VocEdAlliance.UnitTests.Domain;

/// <summary>Parties' roles and order, the framework an agreement implements, industrial colleges and yearly quotas.</summary>
public class FrameworkRolesAndQuotaTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid User = Guid.NewGuid();
    private static readonly string Zunyi = AccessKeys.ForJurisdiction("520300");
    private static readonly string Shanghai = AccessKeys.ForJurisdiction("310000");

    private static PartyTerms School(string name, string region, PartyRole role = PartyRole.Signatory) =>
        new(Guid.NewGuid(), name, OrganisationType.Institution, InstitutionKind.SecondaryVocationalSchool, region, null, null, null, role);

    private static PartyTerms Bureau(string name, string region, PartyRole role = PartyRole.Signatory) =>
        new(Guid.NewGuid(), name, OrganisationType.EducationBureau, null, region, null, null, null, role);

    private static readonly PartyTerms Honghuagang = School("遵义市红花岗区中等职业学校", "520302");
    private static readonly PartyTerms Spa = School("上海石化工业学校", "310116");
    private static readonly PartyTerms Enterprise = new(Guid.NewGuid(), "柳州螺蛳粉企业", OrganisationType.Institution, InstitutionKind.Enterprise, "450203",
        null, null, null);
    private static readonly PartyTerms Lvtc = new(Guid.NewGuid(), "柳州职业技术学院", OrganisationType.Institution, InstitutionKind.HigherVocationalCollege,
        "450203", null, null, null);

    private static AgreementTerms Pairing(IReadOnlyList<AgreementQuota>? quotas = null, PartyTerms[]? parties = null) =>
        new(AgreementKind.Pairing, "沪遵结对", null, null, parties ?? [Honghuagang, Spa], new DateOnly(2024, 9, 1), null,
            [CooperationMode.TeacherTraining, CooperationMode.StudentExchange], "机电", null, Quotas: quotas);

    [Fact]
    public void An_agreement_without_roles_or_quotas_keeps_the_terms_text_it_had_before_they_existed()
    {
        var agreement = Agreement.Record(Pairing(), null, Zunyi, Now, User);

        Assert.DoesNotContain("quota", agreement.TermsText, StringComparison.Ordinal);
        Assert.DoesNotContain("college", agreement.TermsText, StringComparison.Ordinal);
        Assert.All(agreement.TermsText.Split('\n').Where(l => l.StartsWith("party: ", StringComparison.Ordinal)),
            line => Assert.Equal(5, line.Split(" | ").Length));
    }

    [Fact]
    public void A_quota_is_part_of_the_confirmed_terms_so_adding_one_asks_the_other_side_to_confirm_again()
    {
        var agreement = Agreement.Record(Pairing(), null, Zunyi, Now, User);
        agreement.Confirm(Shanghai, User, Now);
        var before = agreement.TermsHash;
        Assert.Equal(AgreementStatus.Active, agreement.Status);

        agreement.ChangeTerms(Pairing([new AgreementQuota(CooperationMode.TeacherTraining, 20, 2024, 2026)]), Zunyi, User, Now);

        Assert.NotEqual(before, agreement.TermsHash);
        Assert.Equal(AgreementStatus.PendingCounterpartConfirmation, agreement.Status);
        Assert.Contains("quota: TeacherTraining 2024-2026 20", agreement.TermsText, StringComparison.Ordinal);
        Assert.Contains(agreement.ChangesSinceConfirmationOf(Spa.OrganisationId), c => c.Now == "quota: TeacherTraining 2024-2026 20");

        var more = Agreement.Record(Pairing([new AgreementQuota(CooperationMode.TeacherTraining, 25, 2024, 2026)]), null, Zunyi, Now, User);
        Assert.NotEqual(agreement.TermsHash, more.TermsHash);
    }

    [Fact]
    public void A_role_is_part_of_the_terms_and_the_order_of_the_list_is_not()
    {
        var signed = Agreement.Record(Pairing(), null, Zunyi, Now, User);
        var reordered = Agreement.Record(Pairing(parties: [Spa, Honghuagang]), null, Zunyi, Now, User);
        var witnessed = Agreement.Record(Pairing(parties: [Honghuagang, Spa, Bureau("遵义市教育局", "520300", PartyRole.Witness)]), null, Zunyi, Now, User);
        var initiated = Agreement.Record(Pairing(parties: [Honghuagang with { Role = PartyRole.Initiator }, Spa]), null, Zunyi, Now, User);

        Assert.Equal(signed.TermsHash, reordered.TermsHash);
        Assert.Equal(["上海石化工业学校", "遵义市红花岗区中等职业学校"], reordered.PartiesInOrder.Select(p => p.OrganisationName));
        Assert.Equal([1, 2], reordered.PartiesInOrder.Select(p => p.Position));
        Assert.NotEqual(signed.TermsHash, initiated.TermsHash);
        Assert.Contains(" | Initiator", initiated.TermsText, StringComparison.Ordinal);
        Assert.Equal(PartyRole.Witness, witnessed.PartiesInOrder.Last().Role);
    }

    [Fact]
    public void An_import_row_that_lists_the_parties_in_another_order_is_a_change_though_the_terms_are_the_same()
    {
        var agreement = Agreement.Record(Pairing(), null, Zunyi, Now, User);

        Assert.True(agreement.Says(Pairing()));
        Assert.False(agreement.Says(Pairing(parties: [Spa, Honghuagang])));
    }

    [Fact]
    public void The_kinds_rules_count_initiators_and_signatories_and_witnesses_come_in_addition()
    {
        var witness = Bureau("遵义市教育局", "520300", PartyRole.Witness);

        Agreement.Record(Pairing(parties: [Honghuagang, Spa, witness]), null, Zunyi, Now, User);
        var refused = Assert.Throws<DomainException>(() => Agreement.Record(Pairing(parties: [Honghuagang, Spa with { Role = PartyRole.Witness }, witness]),
            null, Zunyi, Now, User));
        Assert.Equal("Agreement.Parties.Pairing", refused.MessageKey);
    }

    [Fact]
    public void An_industrial_college_has_a_name_one_school_and_at_least_one_enterprise()
    {
        AgreementTerms College(string? name, params PartyTerms[] parties) => new(AgreementKind.IndustrialCollege, "螺蛳粉产业学院共建", null, null, parties,
            new DateOnly(2021, 1, 1), null, [CooperationMode.TrainingBase], "食品加工", null, CollegeName: name);
        var second = Enterprise with { OrganisationId = Guid.NewGuid(), OrganisationName = "第二家企业" };

        var college = Agreement.Record(College("螺蛳粉产业学院", Lvtc, Enterprise, second), null, null, Now, User);

        Assert.Equal("螺蛳粉产业学院", college.CollegeName);
        Assert.Contains("college: 螺蛳粉产业学院", college.TermsText, StringComparison.Ordinal);
        Assert.Equal("CollegeName", Assert.Throws<DomainException>(() => Agreement.Record(College(" ", Lvtc, Enterprise), null, null, Now, User)).Field);
        Assert.Equal("Agreement.Parties.IndustrialCollege",
            Assert.Throws<DomainException>(() => Agreement.Record(College("学院", Lvtc, Honghuagang, Enterprise), null, null, Now, User)).MessageKey);
        Assert.Equal("Agreement.Parties.IndustrialCollege",
            Assert.Throws<DomainException>(() => Agreement.Record(College("学院", Lvtc, Spa), null, null, Now, User)).MessageKey);
    }

    [Fact]
    public void A_college_name_on_another_kind_is_refused_on_its_field_rather_than_dropped()
    {
        var refused = Assert.Throws<DomainException>(() => Agreement.Record(Pairing() with { CollegeName = "不该保存" }, null, Zunyi, Now, User));

        Assert.Equal(("Agreement.CollegeNameOnlyForIndustrialCollege", "CollegeName"), (refused.MessageKey, refused.Field));
        Assert.Null(Agreement.Record(Pairing() with { CollegeName = " " }, null, Zunyi, Now, User).CollegeName);
    }

    [Fact]
    public void A_college_name_of_zero_width_characters_only_is_no_name()
    {
        var refused = Assert.Throws<DomainException>(() => Agreement.Record(new AgreementTerms(AgreementKind.IndustrialCollege, "共建", null, null,
            [Lvtc, Enterprise], new DateOnly(2021, 1, 1), null, [], null, null, CollegeName: "\u200B\uFEFF "), null, null, Now, User));

        Assert.Equal(("Validation.RequiredField", "CollegeName"), (refused.MessageKey, refused.Field));
    }

    [Theory]
    [InlineData(CooperationMode.TeacherTraining, 0, 2024, 2024, "Agreement.QuotaPeople")]
    [InlineData(CooperationMode.TeacherTraining, 1_000_001, 2024, 2024, "Agreement.QuotaPeople")]
    [InlineData(CooperationMode.TeacherTraining, 20, 2026, 2024, "Agreement.QuotaYears")]
    [InlineData(CooperationMode.TeacherTraining, 20, 1899, 2024, "Agreement.QuotaYears")]
    [InlineData(CooperationMode.TeacherTraining, 20, 2024, 2101, "Agreement.QuotaYears")]
    [InlineData(CooperationMode.PartyBuilding, 20, 2024, 2024, "Agreement.QuotaModeNotAgreed")]
    public void A_quota_out_of_bounds_is_refused_and_changes_nothing(CooperationMode mode, int people, int from, int to, string message)
    {
        var agreement = Agreement.Record(Pairing(), null, Zunyi, Now, User);
        var before = agreement.TermsHash;

        var refused = Assert.Throws<DomainException>(() => agreement.ChangeTerms(Pairing([new AgreementQuota(mode, people, from, to)]), Zunyi, User, Now));

        Assert.Equal(message, refused.MessageKey);
        Assert.Equal("Quotas", refused.Field);
        Assert.Equal(before, agreement.TermsHash);
        Assert.Empty(agreement.Quotas);
    }

    [Fact]
    public void Two_quotas_of_one_mode_may_not_cover_the_same_year()
    {
        var refused = Assert.Throws<DomainException>(() => Agreement.Record(Pairing(
            [new AgreementQuota(CooperationMode.TeacherTraining, 20, 2024, 2025), new AgreementQuota(CooperationMode.TeacherTraining, 30, 2025, 2026)]),
            null, Zunyi, Now, User));

        Assert.Equal("Agreement.QuotaOverlaps", refused.MessageKey);
        Agreement.Record(Pairing([new AgreementQuota(CooperationMode.TeacherTraining, 20, 2024, 2025),
            new AgreementQuota(CooperationMode.TeacherTraining, 30, 2026, 2027), new AgreementQuota(CooperationMode.StudentExchange, 30, 2024, 2027)]),
            null, Zunyi, Now, User);
    }

    [Fact]
    public void A_framework_agreement_implements_no_other_agreement()
    {
        var terms = new AgreementTerms(AgreementKind.Framework, "框架协议", null, null, [Honghuagang, Spa], new DateOnly(2024, 1, 1), null, [], null, null,
            ImplementsFrameworkId: Guid.NewGuid());

        Assert.Equal("Agreement.FrameworkImplementsNone", Assert.Throws<DomainException>(() => Agreement.Record(terms, null, null, Now, User)).MessageKey);
    }

    [Fact]
    public void A_plan_shows_the_quota_its_agreement_set_for_the_year_against_the_matching_indicator()
    {
        var agreement = Agreement.Record(Pairing([new AgreementQuota(CooperationMode.TeacherTraining, 20, 2024, 2025),
            new AgreementQuota(CooperationMode.StudentExchange, 12, 2025, 2025)]), null, Zunyi, Now, User);

        Assert.Equal(20, PlanTargets.Agreed(Indicator.TeachersTrained, agreement, 2025));
        Assert.Equal(12, PlanTargets.Agreed(Indicator.StudentsExchanged, agreement, 2025));
        Assert.Null(PlanTargets.Agreed(Indicator.StudentsExchanged, agreement, 2024));
        Assert.Null(PlanTargets.Agreed(Indicator.TeachersTrained, agreement, 2026));
        Assert.Null(PlanTargets.Agreed(Indicator.Visits, agreement, 2025));
        Assert.Null(PlanTargets.Agreed(Indicator.TeachersTrained, null, 2025));
    }

    [Fact]
    public void A_renewal_keeps_the_roles_the_order_and_the_quotas_still_to_come()
    {
        var original = Agreement.Record(Pairing([new AgreementQuota(CooperationMode.TeacherTraining, 20, 2024, 2025),
            new AgreementQuota(CooperationMode.StudentExchange, 10, 2027, 2028)], [Spa with { Role = PartyRole.Initiator }, Honghuagang]), null, null, Now, User);

        var renewal = original.Renew(new DateOnly(2027, 1, 1), null, null, null, User, Now);

        Assert.Equal([(Spa.OrganisationId, PartyRole.Initiator), (Honghuagang.OrganisationId, PartyRole.Signatory)],
            renewal.PartiesInOrder.Select(p => (p.OrganisationId, p.Role)));
        Assert.Equal([new AgreementQuota(CooperationMode.StudentExchange, 10, 2027, 2028)], renewal.Quotas);
    }
}
