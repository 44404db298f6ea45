using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Plans;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.UnitTests.Domain;

public class YearlyPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static Agreement Pairing() => Agreement.Record(new AgreementTerms(AgreementKind.Pairing, "结对", null, null,
        [new(Guid.NewGuid(), "甲", OrganisationType.Institution, InstitutionKind.SecondaryVocationalSchool, "520302", null, null, null),
         new(Guid.NewGuid(), "乙", OrganisationType.Institution, InstitutionKind.SecondaryVocationalSchool, "520303", null, null, null)],
        new DateOnly(2023, 1, 1), null, [CooperationMode.TeacherTraining], null, null), null, null, Now, Guid.NewGuid());

    [Fact]
    public void Only_the_bureau_the_plan_was_routed_to_or_the_system_admin_answers_it_and_an_approved_plan_is_locked()
    {
        var plan = new YearlyPlan(Pairing(), 2024, new PlanTargets(TeachersTrained: 10));
        plan.Submit("r:5203", "52", Guid.NewGuid(), Now);

        Assert.False(plan.AwaitsApprovalFrom("5203"));
        Assert.False(plan.AwaitsApprovalFrom("43"));
        Assert.True(plan.AwaitsApprovalFrom(null)); // the system admin, the last resort
        Assert.Equal("Plan.NotSupervisor", Assert.Throws<DomainException>(() => plan.Approve("5203", Guid.NewGuid(), Now)).MessageKey);
        plan.Approve("52", Guid.NewGuid(), Now);

        Assert.Equal(PlanStatus.Approved, plan.Status);
        Assert.Equal("Plan.Locked", Assert.Throws<DomainException>(() => plan.ChangeTargets(new PlanTargets(TeachersTrained: 20))).MessageKey);
    }

    [Fact]
    public void A_returned_plan_is_a_draft_with_the_comment_and_can_be_submitted_again()
    {
        var plan = new YearlyPlan(Pairing(), 2024, new PlanTargets(Visits: 2));
        plan.Submit("r:5203", "52", Guid.NewGuid(), Now);

        Assert.Equal("Validation.RequiredField", Assert.Throws<DomainException>(() => plan.Return("52", " ", Guid.NewGuid(), Now)).MessageKey);
        plan.Return("52", " 请补充学生交流目标 ", Guid.NewGuid(), Now);

        Assert.Equal((PlanStatus.Draft, "请补充学生交流目标"), (plan.Status, plan.ReturnComment));
        Assert.Equal("Plan.NotSupervisor", Assert.Throws<DomainException>(() => plan.Approve("52", Guid.NewGuid(), Now)).MessageKey);
        plan.ChangeTargets(new PlanTargets(Visits: 2, StudentsExchanged: 10));
        plan.Submit("r:5203", "52", Guid.NewGuid(), Now);
        plan.Approve("52", Guid.NewGuid(), Now);
        Assert.Equal(PlanStatus.Approved, plan.Status);
    }

    [Fact]
    public void A_bureau_never_approves_its_own_plan_and_the_places_above_a_submitter_are_nearest_first()
    {
        var plan = new YearlyPlan(Pairing(), 2024, new PlanTargets());
        Assert.Equal("Plan.NotSupervisor", Assert.Throws<DomainException>(() => plan.Submit("r:5203", "5203", Guid.NewGuid(), Now)).MessageKey);

        Assert.Equal(["5203", "52"], ResponsibleBureaus.Above("r:520302", null));
        Assert.Equal(["52"], ResponsibleBureaus.Above("r:5203", null));
        Assert.Empty(ResponsibleBureaus.Above("r:52", null));
        // A school's own county bureau is above the school.
        Assert.Equal(["520302", "5203", "52"], ResponsibleBureaus.Above("o:school", "520302"));
    }

    [Fact]
    public void Actuals_come_from_the_activities_and_late_ones_are_recorded_after_the_deadline()
    {
        var agreement = Pairing();
        var plan = new YearlyPlan(agreement, 2024, new PlanTargets(Visits: 2, StudentsExchanged: 10));
        CooperationActivity Record(ActivityKind kind, ActivityOutcomes outcomes, DateTimeOffset recordedAt) =>
            CooperationActivity.Record(agreement, null, new ActivityDetails(kind, "活动", new DateOnly(2024, 6, 1), null, null, null, outcomes, null), Guid.NewGuid(), recordedAt);
        var visit = Record(ActivityKind.Visit, new(), new DateTimeOffset(2024, 6, 2, 0, 0, 0, TimeSpan.Zero));
        var exchange = Record(ActivityKind.StudentExchange, new(Students: 8), new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(1, PlanTargets.Actual(Indicator.Visits, [visit, exchange]));
        Assert.Equal(8, PlanTargets.Actual(Indicator.StudentsExchanged, [visit, exchange]));
        var beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Assert.False(plan.IsLate(visit, beijing));
        Assert.True(plan.IsLate(exchange, beijing));
        // 16:30 UTC on 31 March is already 1 April in Beijing: late.
        Assert.True(plan.IsLate(Record(ActivityKind.Visit, new(), new DateTimeOffset(2025, 3, 31, 16, 30, 0, TimeSpan.Zero)), beijing));
        Assert.False(plan.IsLate(Record(ActivityKind.Visit, new(), new DateTimeOffset(2025, 3, 31, 15, 30, 0, TimeSpan.Zero)), beijing));
        Assert.Equal("Visits", Assert.Throws<DomainException>(() => new YearlyPlan(agreement, 2025, new PlanTargets(Visits: -1))).Field);
    }
}

public class SupportLedgerTests
{
    private static readonly PartyTerms East = new(Guid.NewGuid(), "上海甲校", OrganisationType.Institution, InstitutionKind.SecondaryVocationalSchool, "310116", null, null, null);
    private static readonly PartyTerms West = new(Guid.NewGuid(), "遵义甲校", OrganisationType.Institution, InstitutionKind.SecondaryVocationalSchool, "520302", null, null, null);

    private static Agreement Pairing() => Agreement.Record(new AgreementTerms(AgreementKind.Pairing, "结对", null, null, [East, West],
        new DateOnly(2023, 1, 1), null, [CooperationMode.FinancialSupport], null, null), null, null, DateTimeOffset.UtcNow, Guid.NewGuid());

    private static ActivityDetails Support(SupportEntry? entry, decimal? amount = 100_000m) =>
        new(ActivityKind.FinancialSupport, "资金支持", new DateOnly(2024, 3, 1), null, null, null, new ActivityOutcomes(AmountCny: amount), null, entry);

    [Fact]
    public void Support_records_giver_receiver_and_source_between_the_agreements_parties()
    {
        var activity = CooperationActivity.Record(Pairing(), null, Support(new SupportEntry(East.OrganisationId, West.OrganisationId, "对口帮扶资金")), Guid.NewGuid(), DateTimeOffset.UtcNow);

        Assert.Equal((East.OrganisationId, West.OrganisationId, "对口帮扶资金"), (activity.GiverOrganisationId!.Value, activity.ReceiverOrganisationId!.Value, activity.SourceOfFunds));
    }

    [Fact]
    public void Support_without_giver_receiver_or_amount_or_outside_the_parties_is_refused()
    {
        var agreement = Pairing();
        string Refusal(ActivityDetails details) =>
            Assert.Throws<DomainException>(() => CooperationActivity.Record(agreement, null, details, Guid.NewGuid(), DateTimeOffset.UtcNow)).MessageKey;

        Assert.Equal("Activity.SupportNeedsGiverAndReceiver", Refusal(Support(null)));
        Assert.Equal("Activity.SupportNeedsAmount", Refusal(Support(new SupportEntry(East.OrganisationId, West.OrganisationId, null), amount: null)));
        Assert.Equal("Activity.GiverIsReceiver", Refusal(Support(new SupportEntry(East.OrganisationId, East.OrganisationId, null))));
        Assert.Equal("Activity.SupportBetweenParties", Refusal(Support(new SupportEntry(Guid.NewGuid(), West.OrganisationId, null))));
    }
}
