using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Evaluations;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.UnitTests.Domain;

/// <summary>Evaluation: a rubric's weights make 100, the one rule of the total, scores within the rubric, evidence where
/// required, no bureau reviewing its own submission, and nothing changing once the results are published.</summary>
public class EvaluationTests
{
    private static readonly EvaluationCriterion[] TwoCriteria =
        [new("组织保障", 40, 10, false), new("帮扶成效", 60, 20, true)];

    private static EvaluationRound OpenRound()
    {
        var round = new EvaluationRound("4406", "佛山年度考核", 2025, new DateOnly(2026, 3, 31), TwoCriteria);
        round.Open(DateTimeOffset.UtcNow);
        return round;
    }

    private static readonly Institution First = new("佛山甲校", null, InstitutionKind.SecondaryVocationalSchool, Ownership.Public, "440604", new InstitutionProfile(), 2020);
    private static readonly Institution Second = new("遵义乙校", null, InstitutionKind.SecondaryVocationalSchool, Ownership.Public, "520302", new InstitutionProfile(), 2020);

    private static Agreement ActivePairing()
    {
        static PartyTerms Party(Institution i) => new(i.Id, i.Name, i.Type, i.Kind, i.RegionCode, null, null, null);
        var agreement = Agreement.Record(new AgreementTerms(AgreementKind.Pairing, "佛山—遵义结对", null, null, [Party(First), Party(Second)],
            new DateOnly(2024, 1, 1), null, [CooperationMode.TeacherTraining], null, null), null, $"o:{First.Id:N}", DateTimeOffset.UtcNow, Guid.NewGuid());
        agreement.Confirm($"o:{Second.Id:N}", Guid.NewGuid(), DateTimeOffset.UtcNow);
        Assert.Equal(AgreementStatus.Active, agreement.Status);
        return agreement;
    }

    private static PartyEvaluation Evaluation(EvaluationRound round)
    {
        var agreement = ActivePairing();
        return new(round, agreement, PartyEvaluation.AssessedParties(round, agreement).Single());
    }

    [Fact]
    public void Weights_must_make_100()
    {
        var refusal = Assert.Throws<DomainException>(() => new EvaluationRound(null, "全国考核", 2025, new DateOnly(2026, 3, 31),
            [new("组织保障", 40, 10, false), new("帮扶成效", 50, 20, false)]));
        Assert.Equal(("Evaluation.WeightsNot100", 90), (refusal.MessageKey, (int)refusal.Arguments[0]));
        Assert.Equal("Evaluation.CriterionTwice", Assert.Throws<DomainException>(() => new EvaluationRound(null, "全国考核", 2025, new DateOnly(2026, 3, 31),
            [new("组织保障", 50, 10, false), new(" 组织保障 ", 50, 10, false)])).MessageKey);
    }

    [Fact]
    public void The_total_is_each_score_as_a_share_of_its_maximum_times_its_weight() =>
        Assert.Equal(85.5m, OpenRound().Total([9m, 16.5m]));

    [Fact]
    public void A_round_of_a_jurisdiction_assesses_only_its_own_side_of_a_cross_region_pairing()
    {
        var round = OpenRound();
        var parties = PartyEvaluation.AssessedParties(round, ActivePairing()).Select(p => p.OrganisationId).ToList();
        Assert.Equal([First.Id], parties);
        Assert.True(round.Evaluates(ActivePairing()));
    }

    [Theory]
    [InlineData("11", "10")]
    [InlineData("-1", "10")]
    [InlineData("7.3", "10")]
    public void Scores_outside_the_rubric_are_refused_next_to_their_criterion(string first, string second)
    {
        var evaluation = Evaluation(OpenRound());
        var refusal = Assert.Throws<DomainException>(() => evaluation.Submit([decimal.Parse(first, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(second, System.Globalization.CultureInfo.InvariantCulture)], null, new HashSet<int> { 2 }, "o:x", "4406", Guid.NewGuid(), DateTimeOffset.UtcNow));
        Assert.Equal(("Evaluation.ScoreRange", "Scores[0]"), (refusal.MessageKey, refusal.Field));
        Assert.Equal(PartyEvaluationStatus.Open, evaluation.Status);
    }

    [Fact]
    public void Evidence_is_required_where_the_rubric_says_so()
    {
        var evaluation = Evaluation(OpenRound());
        var refusal = Assert.Throws<DomainException>(() => evaluation.Submit([8m, 15m], null, new HashSet<int> { 1 }, "o:x", "4406", Guid.NewGuid(), DateTimeOffset.UtcNow));
        Assert.Equal(("Evaluation.EvidenceMissing", "帮扶成效"), (refusal.MessageKey, (string)refusal.Arguments[0]));
        evaluation.Submit([8m, 15m], null, new HashSet<int> { 2 }, "o:x", "4406", Guid.NewGuid(), DateTimeOffset.UtcNow);
        Assert.Equal(PartyEvaluationStatus.Submitted, evaluation.Status);
    }

    [Fact]
    public void A_bureau_never_reviews_what_it_submitted_and_only_the_routed_reviewer_reviews()
    {
        var evaluation = Evaluation(OpenRound());
        Assert.Throws<DomainException>(() => evaluation.Submit([8m, 15m], null, new HashSet<int> { 2 }, "r:4406", "4406", Guid.NewGuid(), DateTimeOffset.UtcNow));
        evaluation.Submit([8m, 15m], null, new HashSet<int> { 2 }, "r:440604", "4406", Guid.NewGuid(), DateTimeOffset.UtcNow);
        Assert.Equal("Evaluation.NotReviewer", Assert.Throws<DomainException>(() =>
            evaluation.Review("440604", false, [9m, 16m], null, Guid.NewGuid(), DateTimeOffset.UtcNow)).MessageKey);
        evaluation.Review("4406", false, [9m, 16m], null, Guid.NewGuid(), DateTimeOffset.UtcNow);
        Assert.Null(evaluation.Result); // not published yet
    }

    [Fact]
    public void Published_results_lock_the_round()
    {
        var round = OpenRound();
        var evaluation = Evaluation(round);
        evaluation.Submit([8m, 15m], null, new HashSet<int> { 2 }, "o:x", "4406", Guid.NewGuid(), DateTimeOffset.UtcNow);
        evaluation.Review("4406", false, [9m, 16.5m], null, Guid.NewGuid(), DateTimeOffset.UtcNow);
        round.PublishResults(DateTimeOffset.UtcNow);
        Assert.Equal(85.5m, evaluation.Result);
        Assert.Equal("Evaluation.Locked", Assert.Throws<DomainException>(() => round.PublishResults(DateTimeOffset.UtcNow)).MessageKey);
        Assert.Equal("Evaluation.RubricFixed", Assert.Throws<DomainException>(() => round.Change("改名", 2025, new DateOnly(2026, 3, 31), TwoCriteria)).MessageKey);
        Assert.Equal("Evaluation.Locked", Assert.Throws<DomainException>(() => evaluation.SaveSelfAssessment([1m, 1m], null)).MessageKey);
    }

    [Fact]
    public void The_reminder_comes_in_the_last_week_once_and_only_while_not_submitted()
    {
        var evaluation = Evaluation(OpenRound());
        Assert.False(evaluation.NeedsReminder(new DateOnly(2026, 3, 23)));
        Assert.True(evaluation.NeedsReminder(new DateOnly(2026, 3, 24)));
        evaluation.MarkReminded(new DateOnly(2026, 3, 24));
        Assert.False(evaluation.NeedsReminder(new DateOnly(2026, 3, 25)));
    }
}
