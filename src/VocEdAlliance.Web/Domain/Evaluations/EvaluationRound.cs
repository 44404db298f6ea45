using VocEdAlliance.Web.Domain.Agreements;

namespace VocEdAlliance.Web.Domain.Evaluations;

/// <summary>One line of a rubric: what is judged, its weight in the total (the weights of a rubric make 100), the
/// highest score it takes, and whether a self-assessment must bring evidence for it.</summary>
public sealed record EvaluationCriterion(string Name, int Weight, int MaxScore, bool EvidenceRequired);

public enum EvaluationRoundStatus
{
    /// <summary>The rubric is being written; nobody else sees it.</summary>
    Draft,

    /// <summary>The rubric is published: the parties assess themselves, the bureaus above review.</summary>
    Open,

    /// <summary>The results are published to the parties and ranked; nothing changes any more.</summary>
    Published,
}

/// <summary>考核评价: a yearly evaluation of the pairings and alliances (framework agreements) in a publisher's scope —
/// the ministry (national) or a bureau (its jurisdiction). Its rubric is fixed when it opens; every party of an
/// agreement in scope then assesses itself (<see cref="PartyEvaluation"/>), the bureau above reviews and scores, and the
/// publisher publishes the results, which locks the round. Public once open: every user reads the rubric.</summary>
public sealed class EvaluationRound
{
    public const int TitleMaxLength = 200;
    public const int CriterionNameMaxLength = 100;
    public const int MaxCriteria = 20;

    /// <summary>The kinds of agreement a round evaluates: pairings, and alliances through their framework agreements.</summary>
    public static readonly IReadOnlyList<AgreementKind> EvaluatedKinds = [AgreementKind.Pairing, AgreementKind.Framework];

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Title { get; private set; } = string.Empty;
    public int Year { get; private set; }

    /// <summary>Whose round it is: a bureau's jurisdiction prefix (<c>52</c>), or null for the ministry (national).</summary>
    public string? PublisherJurisdiction { get; private set; }

    /// <summary>The last day for self-assessments (a business date); the inbox reminds the parties a week before.</summary>
    public DateOnly DueOn { get; private set; }

    public List<EvaluationCriterion> Criteria { get; private set; } = [];
    public EvaluationRoundStatus Status { get; private set; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public uint Version { get; private set; }

    private EvaluationRound()
    {
    }

    public EvaluationRound(string? publisherJurisdiction, string title, int year, DateOnly dueOn, IReadOnlyList<EvaluationCriterion> criteria)
    {
        PublisherJurisdiction = publisherJurisdiction;
        Change(title, year, dueOn, criteria);
    }

    public bool IsNational => PublisherJurisdiction is null;

    public void Change(string title, int year, DateOnly dueOn, IReadOnlyList<EvaluationCriterion> criteria)
    {
        if (Status != EvaluationRoundStatus.Draft)
        {
            throw new DomainException("Evaluation.RubricFixed");
        }
        var checkedTitle = Text.Required(title, nameof(Title), TitleMaxLength);
        if (!BusinessDates.InRange(year))
        {
            throw new DomainException("Programme.Year", nameof(Year), BusinessDates.EarliestYear, BusinessDates.LatestYear);
        }
        BusinessDates.Check(dueOn, nameof(DueOn));
        if (dueOn.Year < year)
        {
            throw new DomainException("Evaluation.DueBeforeYear", nameof(DueOn), year);
        }
        Title = checkedTitle;
        Year = year;
        DueOn = dueOn;
        Criteria = CheckCriteria(criteria);
    }

    /// <summary>A rubric has 1–20 criteria with distinct names, weights of 1–100 that make 100 together, and maximum
    /// scores of 1–1000.</summary>
    public static List<EvaluationCriterion> CheckCriteria(IReadOnlyList<EvaluationCriterion> criteria)
    {
        if (criteria.Count == 0)
        {
            throw new DomainException("Evaluation.NoCriteria", nameof(Criteria));
        }
        if (criteria.Count > MaxCriteria)
        {
            throw new DomainException("Evaluation.TooManyCriteria", nameof(Criteria), MaxCriteria);
        }
        var checkedCriteria = new List<EvaluationCriterion>();
        foreach (var criterion in criteria)
        {
            var name = Text.Required(criterion.Name, nameof(EvaluationCriterion.Name), CriterionNameMaxLength);
            if (checkedCriteria.Any(c => c.Name == name))
            {
                throw new DomainException("Evaluation.CriterionTwice", nameof(Criteria), name);
            }
            if (criterion.Weight is < 1 or > 100)
            {
                throw new DomainException("Evaluation.WeightRange", nameof(EvaluationCriterion.Weight));
            }
            if (criterion.MaxScore is < 1 or > 1000)
            {
                throw new DomainException("Evaluation.MaxScoreRange", nameof(EvaluationCriterion.MaxScore));
            }
            checkedCriteria.Add(criterion with { Name = name });
        }
        var total = checkedCriteria.Sum(c => c.Weight);
        if (total != 100)
        {
            throw new DomainException("Evaluation.WeightsNot100", nameof(Criteria), total);
        }
        return checkedCriteria;
    }

    /// <summary>The rubric is published: parties may assess themselves from now on, and it no longer changes.</summary>
    public void Open(DateTimeOffset now)
    {
        if (Status != EvaluationRoundStatus.Draft)
        {
            throw new DomainException("Evaluation.RubricFixed");
        }
        Status = EvaluationRoundStatus.Open;
        OpenedAt = now;
    }

    /// <summary>The results go to the parties and into the ranking; the round is locked. A party not reviewed by then
    /// has no result (it is listed as such, and not ranked).</summary>
    public void PublishResults(DateTimeOffset now)
    {
        if (Status != EvaluationRoundStatus.Open)
        {
            throw new DomainException(Status == EvaluationRoundStatus.Published ? "Evaluation.Locked" : "Evaluation.NotOpen");
        }
        Status = EvaluationRoundStatus.Published;
        PublishedAt = now;
    }

    /// <summary>A score per criterion, each from 0 to its maximum in steps of 0.5; every one given when
    /// <paramref name="complete"/> (a draft may leave some out). <paramref name="field"/> names the form's list
    /// (<c>Scores</c>: the message goes next to <c>Scores[i]</c>).</summary>
    public List<decimal?> CheckScores(IReadOnlyList<decimal?> scores, string field, bool complete)
    {
        var checkedScores = new List<decimal?>();
        for (var i = 0; i < Criteria.Count; i++)
        {
            var criterion = Criteria[i];
            var score = i < scores.Count ? scores[i] : null;
            if (score is null && complete)
            {
                throw new DomainException("Evaluation.ScoreMissing", $"{field}[{i}]", criterion.Name);
            }
            if (score is < 0 || score > criterion.MaxScore || (score is { } s && s * 2 != decimal.Truncate(s * 2)))
            {
                throw new DomainException("Evaluation.ScoreRange", $"{field}[{i}]", criterion.Name, criterion.MaxScore);
            }
            checkedScores.Add(score);
        }
        return checkedScores;
    }

    /// <summary>The one definition of an evaluation's total (out of 100): each criterion's score as a share of its
    /// maximum, times its weight, summed, rounded to one decimal.</summary>
    public decimal Total(IReadOnlyList<decimal?> scores) =>
        Math.Round(Criteria.Select((c, i) => c.Weight * (i < scores.Count ? scores[i] ?? 0 : 0) / c.MaxScore).Sum(), 1, MidpointRounding.AwayFromZero);

    /// <summary>Whether a party at this place is in the round's scope: everywhere for a national round, else in the
    /// publisher's jurisdiction.</summary>
    public bool Covers(string regionCode) =>
        PublisherJurisdiction is null || regionCode.StartsWith(PublisherJurisdiction, StringComparison.Ordinal);

    /// <summary>Whether an agreement is evaluated in this round: a pairing or framework agreement in force at some time
    /// of the year (active then, or since expired), not archived.</summary>
    public bool Evaluates(Agreement agreement) =>
        EvaluatedKinds.Contains(agreement.Kind) && !agreement.IsArchived
        && agreement.Status is AgreementStatus.Active or AgreementStatus.Expired
        && agreement.EffectiveFrom.Year <= Year && (agreement.EffectiveTo is null || agreement.EffectiveTo.Value.Year >= Year);
}
