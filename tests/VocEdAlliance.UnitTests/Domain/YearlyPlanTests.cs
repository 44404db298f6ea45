using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Plans;

namespace VocEdAlliance.UnitTests.Domain;

public class YearlyPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static Agreement Pairing() => Agreement.Record(new AgreementTerms(AgreementKind.Pairing, "结对", null, null,
        [new(Guid.NewGuid(), "甲", OrganisationType.Institution, InstitutionKind.SecondaryVocationalSchool, "520302", null, null, null),
         new(Guid.NewGuid(), "乙", OrganisationType.Institution, InstitutionKind.SecondaryVocationalSchool, "520303", null, null, null)],
        new DateOnly(2023, 1, 1), null, [CooperationMode.TeacherTraining], null, null), null, null, Now, Guid.NewGuid());

    [Fact]
    public void Only_a_bureau_above_the_submitter_approves_and_an_approved_plan_is_locked()
    {
        var plan = new YearlyPlan(Pairing(), 2024, new PlanTargets(TeachersTrained: 10));
        plan.Submit("5203", Guid.NewGuid(), Now);

        Assert.False(plan.IsSupervisedBy("5203"));
        Assert.False(plan.IsSupervisedBy("43"));
        Assert.Equal("Plan.NotSupervisor", Assert.Throws<DomainException>(() => plan.Approve("5203", Guid.NewGuid(), Now)).MessageKey);
        plan.Approve("52", Guid.NewGuid(), Now);

        Assert.Equal(PlanStatus.Approved, plan.Status);
        Assert.Equal("Plan.Locked", Assert.Throws<DomainException>(() => plan.ChangeTargets(new PlanTargets(TeachersTrained: 20))).MessageKey);
    }

    [Fact]
    public void A_county_bureau_supervises_a_schools_own_submission()
    {
        var plan = new YearlyPlan(Pairing(), 2024, new PlanTargets());
        plan.Submit("520302", Guid.NewGuid(), Now);

        Assert.True(plan.IsSupervisedBy("5203"));
        Assert.True(plan.IsSupervisedBy("52"));
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
