using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.UnitTests.Domain;

public class AgreementConfirmationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid ZunyiUser = Guid.NewGuid();
    private static readonly Guid ShanghaiUser = Guid.NewGuid();
    private static readonly string Zunyi = AccessKeys.ForJurisdiction("520300");
    private static readonly string Shanghai = AccessKeys.ForJurisdiction("310000");
    private static readonly PartyTerms Honghuagang = new(Guid.NewGuid(), "遵义市红花岗区中等职业学校", OrganisationType.Institution,
        InstitutionKind.SecondaryVocationalSchool, "520302", "王强", "校长", null);
    private static readonly PartyTerms Spa = new(Guid.NewGuid(), "上海石化工业学校", OrganisationType.Institution,
        InstitutionKind.SecondaryVocationalSchool, "310116", "高炬", "校长", null);

    private static AgreementTerms Terms(CooperationMode[]? modes = null, PartyTerms[]? parties = null, string title = "沪遵结对") =>
        new(AgreementKind.Pairing, title, null, null, parties ?? [Honghuagang, Spa], new DateOnly(2024, 9, 1), null,
            modes ?? [CooperationMode.TeacherTraining, CooperationMode.StudentExchange], "机电", null);

    [Fact]
    public void The_same_terms_give_the_same_hash_whatever_the_order_they_were_entered_in()
    {
        var a = Agreement.Record(Terms(), null, Zunyi, Now, ZunyiUser);
        var b = Agreement.Record(Terms([CooperationMode.StudentExchange, CooperationMode.TeacherTraining], [Spa, Honghuagang]), null, Zunyi, Now, ZunyiUser);

        Assert.Equal(a.TermsHash, b.TermsHash);
        Assert.Matches("^[0-9a-f]{64}$", a.TermsHash);
    }

    [Fact]
    public void Any_change_of_a_term_gives_a_new_hash_and_general_information_does_not()
    {
        var original = Agreement.Record(Terms(), null, Zunyi, Now, ZunyiUser).TermsHash;

        Assert.NotEqual(original, Agreement.Record(Terms([CooperationMode.TeacherTraining]), null, Zunyi, Now, ZunyiUser).TermsHash);
        Assert.NotEqual(original, Agreement.Record(Terms(parties: [Honghuagang, Spa with { SignatoryName = "林国新" }]), null, Zunyi, Now, ZunyiUser).TermsHash);
        Assert.Equal(original, Agreement.Record(Terms(title: "另一个标题"), null, Zunyi, Now, ZunyiUser).TermsHash);
    }

    [Fact]
    public void A_pairing_recorded_by_one_side_waits_for_the_other_and_is_active_once_it_confirms()
    {
        var agreement = Agreement.Record(Terms(), null, Zunyi, Now, ZunyiUser);

        Assert.Equal(AgreementStatus.PendingCounterpartConfirmation, agreement.Status);
        Assert.True(agreement.IsConfirmedBy(Honghuagang.OrganisationId));
        Assert.Equal([Spa.OrganisationId], agreement.AwaitingConfirmationFrom(Shanghai).Select(p => p.OrganisationId));
        Assert.Empty(agreement.AwaitingConfirmationFrom(Zunyi));

        agreement.Confirm(Shanghai, ShanghaiUser, Now);

        Assert.Equal(AgreementStatus.Active, agreement.Status);
        Assert.Equal("NothingToConfirm", Assert.Throws<DomainException>(() => agreement.Confirm(Shanghai, ShanghaiUser, Now)).MessageKey.Split('.')[1]);
    }

    [Fact]
    public void Changing_the_terms_returns_an_active_agreement_to_pending_and_shows_the_other_side_what_changed()
    {
        var agreement = Agreement.Record(Terms(), null, Zunyi, Now, ZunyiUser);
        agreement.Confirm(Shanghai, ShanghaiUser, Now);

        agreement.ChangeTerms(Terms([CooperationMode.TeacherTraining]), Zunyi, ZunyiUser, Now.AddDays(1));

        Assert.Equal(AgreementStatus.PendingCounterpartConfirmation, agreement.Status);
        Assert.True(agreement.IsConfirmedBy(Honghuagang.OrganisationId));
        Assert.False(agreement.IsConfirmedBy(Spa.OrganisationId));
        Assert.Equal([("modes: StudentExchange, TeacherTraining", null), (null, "modes: TeacherTraining")],
            agreement.ChangesSinceConfirmationOf(Spa.OrganisationId));
    }

    [Fact]
    public void Changing_only_general_information_keeps_the_agreement_active()
    {
        var agreement = Agreement.Record(Terms(), null, Zunyi, Now, ZunyiUser);
        agreement.Confirm(Shanghai, ShanghaiUser, Now);

        agreement.ChangeTerms(Terms(title: "沪遵结对（更名）"), Zunyi, ZunyiUser, Now);

        Assert.Equal(AgreementStatus.Active, agreement.Status);
    }

    [Fact]
    public void An_archived_agreement_cannot_be_confirmed()
    {
        var agreement = Agreement.Record(Terms(), null, Zunyi, Now, ZunyiUser);
        agreement.Archive();

        Assert.Equal("Agreement.NotConfirmable", Assert.Throws<DomainException>(() => agreement.Confirm(Shanghai, ShanghaiUser, Now)).MessageKey);
    }

    [Fact]
    public void A_printed_version_is_confirmed_and_in_force_until_its_terms_change_and_the_changed_one_is_not_confirmed()
    {
        var today = new DateOnly(2026, 11, 23);
        var agreement = Agreement.Record(Terms(), null, Zunyi, Now, ZunyiUser);
        var printed = agreement.TermsHash;
        var waiting = agreement.Check(printed, today);
        Assert.True(waiting is { IsVersion: true, IsCurrent: true, ConfirmedByEveryParty: false, InForce: false, ConfirmedAt: null });

        agreement.Confirm(Shanghai, ShanghaiUser, Now.AddHours(2));
        Assert.Equal(new VersionCheck(true, true, Now.AddHours(2), true, true), agreement.Check(printed, today));
        Assert.False(agreement.Check(printed, new DateOnly(2024, 8, 31)).InForce); // before it takes effect

        agreement.ChangeTerms(Terms([CooperationMode.TeacherTraining]), Zunyi, ZunyiUser, Now.AddDays(1));
        Assert.Equal(new VersionCheck(true, true, Now.AddHours(2), false, false), agreement.Check(printed, today));
        Assert.True(agreement.Check(agreement.TermsHash, today) is { IsCurrent: true, ConfirmedByEveryParty: false, InForce: false });
        Assert.False(agreement.Check(new string('0', 64), today).IsVersion);
    }
}

public class AgreementLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly PartyTerms A = new(Guid.NewGuid(), "甲校", OrganisationType.Institution, InstitutionKind.SecondaryVocationalSchool, "520302", null, null, null);
    private static readonly PartyTerms B = new(Guid.NewGuid(), "乙校", OrganisationType.Institution, InstitutionKind.SecondaryVocationalSchool, "310116", null, null, null);

    private static Agreement Active(DateOnly? end = null) =>
        Agreement.Record(new AgreementTerms(AgreementKind.Pairing, "结对", null, null, [A, B], new DateOnly(2023, 1, 1), end,
            [CooperationMode.TeacherTraining], null, null), null, null, Now, Guid.NewGuid());

    [Fact]
    public void An_active_agreement_expires_only_after_its_end_date()
    {
        var agreement = Active(new DateOnly(2025, 12, 31));

        Assert.False(agreement.ExpireIfEnded(new DateOnly(2025, 12, 31)));
        Assert.True(agreement.ExpireIfEnded(new DateOnly(2026, 1, 1)));
        Assert.Equal(AgreementStatus.Expired, agreement.Status);
        Assert.False(Active().ExpireIfEnded(new DateOnly(2099, 1, 1)));
    }

    [Fact]
    public void Termination_needs_a_reason_and_a_date_not_before_the_start_and_happens_once()
    {
        var agreement = Active();

        Assert.Equal("TerminationReason", Assert.Throws<DomainException>(() => agreement.Terminate(" ", new DateOnly(2026, 1, 1))).Field);
        Assert.Equal("Agreement.TerminatedBeforeStart", Assert.Throws<DomainException>(() => agreement.Terminate("经费停止", new DateOnly(2022, 1, 1))).MessageKey);
        agreement.Terminate("经费停止", new DateOnly(2026, 1, 1));

        Assert.Equal((AgreementStatus.Terminated, new DateOnly(2026, 1, 1)), (agreement.Status, agreement.TerminatedOn));
        Assert.Equal("Agreement.NotTerminable", Assert.Throws<DomainException>(() => agreement.Terminate("再次", new DateOnly(2026, 2, 1))).MessageKey);
        Assert.Equal("Agreement.NotConfirmable", Assert.Throws<DomainException>(() => agreement.Confirm(null, Guid.NewGuid(), Now)).MessageKey);
    }

    [Fact]
    public void A_renewal_is_a_new_linked_agreement_with_the_same_terms_waiting_for_the_other_side()
    {
        var agreement = Active(new DateOnly(2025, 12, 31));

        var renewal = agreement.Renew(new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31), AccessKeys.ForJurisdiction("520300"), null, Guid.NewGuid(), Now);

        Assert.NotEqual(agreement.Id, renewal.Id);
        Assert.Equal(agreement.Id, renewal.RenewedFromId);
        Assert.Equal(agreement.Modes, renewal.Modes);
        Assert.Equal(AgreementStatus.PendingCounterpartConfirmation, renewal.Status);
        Assert.True(renewal.IsConfirmedBy(A.OrganisationId));
        Assert.Equal("Agreement.RenewalStartsTooEarly", Assert.Throws<DomainException>(() =>
            agreement.Renew(new DateOnly(2022, 1, 1), null, null, null, Guid.NewGuid(), Now)).MessageKey);
    }
}

public class AgreementDraftTests
{
    private static readonly PartyTerms A = new(Guid.NewGuid(), "甲校", OrganisationType.Institution, InstitutionKind.SecondaryVocationalSchool, "520302", null, null, null);
    private static readonly PartyTerms B = new(Guid.NewGuid(), "乙校", OrganisationType.Institution, InstitutionKind.SecondaryVocationalSchool, "310116", null, null, null);

    [Fact]
    public void A_draft_asks_nobody_until_it_is_sent_then_the_sender_has_confirmed_and_the_other_side_is_asked()
    {
        var draft = Agreement.RecordDraft(new AgreementTerms(AgreementKind.Pairing, "草稿", null, null, [A, B], new DateOnly(2025, 1, 1), null,
            [CooperationMode.TeacherTraining], null, null), null, DateTimeOffset.UtcNow);

        Assert.Equal(AgreementStatus.Draft, draft.Status);
        Assert.Equal("Agreement.NotConfirmable", Assert.Throws<DomainException>(() => draft.Confirm(null, Guid.NewGuid(), DateTimeOffset.UtcNow)).MessageKey);
        draft.SendForConfirmation(AccessKeys.ForJurisdiction("520300"), Guid.NewGuid(), DateTimeOffset.UtcNow);

        Assert.Equal(AgreementStatus.PendingCounterpartConfirmation, draft.Status);
        Assert.True(draft.IsConfirmedBy(A.OrganisationId));
        Assert.False(draft.IsConfirmedBy(B.OrganisationId));
        Assert.Equal("Agreement.NotDraft", Assert.Throws<DomainException>(() => draft.SendForConfirmation(null, Guid.NewGuid(), DateTimeOffset.UtcNow)).MessageKey);
    }
}
