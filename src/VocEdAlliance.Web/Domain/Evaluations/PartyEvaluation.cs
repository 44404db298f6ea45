using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Documents;

namespace VocEdAlliance.Web.Domain.Evaluations;

public enum PartyEvaluationStatus
{
    /// <summary>Waiting for the party's self-assessment.</summary>
    Open,

    /// <summary>Self-assessed; waiting for the review of the bureau above.</summary>
    Submitted,

    /// <summary>Reviewed and scored; the result reaches the party when the round's results are published.</summary>
    Reviewed,
}

/// <summary>One party's evaluation of one agreement in a round: its self-assessment (a score per criterion, a comment,
/// evidence documents where the rubric asks for them), then the review of the bureau above — the nearest bureau above
/// the side that submitted with an active account, within the round's scope, else the round's publisher — with a score
/// per criterion and a comment. Visible and changeable exactly when its agreement is; locked once the round's results
/// are published.</summary>
public sealed class PartyEvaluation : IAccessControlledPart
{
    public const int CommentMaxLength = 2000;

    /// <summary>The field names a refusal points at: the form's scores (<c>Scores[i]</c>) and comment.</summary>
    public const string Scores = nameof(Scores);
    public const string Comment = nameof(Comment);

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid RoundId { get; private set; }
    public EvaluationRound Round { get; private set; } = null!;
    public Guid AgreementId { get; private set; }
    public Agreement Agreement { get; private set; } = null!;

    /// <summary>The party assessed, with its name and place as they were when the round opened (the ranking groups by
    /// the place's province).</summary>
    public Guid OrganisationId { get; private set; }
    public string OrganisationName { get; private set; } = string.Empty;
    public string RegionCode { get; private set; } = string.Empty;

    public PartyEvaluationStatus Status { get; private set; }
    public List<decimal?> SelfScores { get; private set; } = [];
    public string? SelfComment { get; private set; }

    /// <summary>The access key of the side that submitted (<c>o:{id}</c> the party itself, <c>r:4301</c> a bureau for
    /// it).</summary>
    public string? SubmittedBy { get; private set; }
    public Guid? SubmittedByUserId { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>Who reviews: a bureau's jurisdiction prefix, or null for the ministry (a national round's last resort).
    /// Chosen at submission.</summary>
    public string? ReviewerJurisdiction { get; private set; }

    public List<decimal?> ReviewScores { get; private set; } = [];
    public string? ReviewComment { get; private set; }
    public Guid? ReviewedByUserId { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>When the inbox last reminded the party that its self-assessment is due (once per round).</summary>
    public DateOnly? ReminderSentOn { get; private set; }

    public uint Version { get; private set; }

    private PartyEvaluation()
    {
    }

    public PartyEvaluation(EvaluationRound round, Agreement agreement, AgreementParty party)
    {
        if (round.Status != EvaluationRoundStatus.Open)
        {
            throw new DomainException("Evaluation.NotOpen");
        }
        Round = round;
        RoundId = round.Id;
        Agreement = agreement;
        AgreementId = agreement.Id;
        OrganisationId = party.OrganisationId;
        OrganisationName = party.OrganisationName;
        RegionCode = party.RegionCode;
    }

    /// <summary>The parties of an agreement a round assesses: its initiators and signatories in the round's scope
    /// (witnesses and guiding units sign nothing they are judged on), except the publishing bureau itself.</summary>
    public static IEnumerable<AgreementParty> AssessedParties(EvaluationRound round, Agreement agreement) =>
        agreement.Parties.Where(p => p.Role is PartyRole.Initiator or PartyRole.Signatory && round.Covers(p.RegionCode)
                                     && !(p.OrganisationType == Organisations.OrganisationType.EducationBureau
                                          && round.PublisherJurisdiction is { } publisher
                                          && AccessKeys.ForJurisdiction(p.RegionCode) == "r:" + publisher));

    private void EnsureUnlocked()
    {
        if (Round.Status == EvaluationRoundStatus.Published)
        {
            throw new DomainException("Evaluation.Locked");
        }
    }

    /// <summary>Saves the self-assessment without submitting it (the party may come back to it).</summary>
    public void SaveSelfAssessment(IReadOnlyList<decimal?> scores, string? comment)
    {
        EnsureUnlocked();
        if (Status != PartyEvaluationStatus.Open)
        {
            throw new DomainException("Evaluation.AlreadySubmitted");
        }
        var checkedScores = Round.CheckScores(scores, Scores, complete: false);
        SelfComment = Text.Optional(comment, CommentMaxLength, Comment);
        SelfScores = checkedScores;
    }

    /// <summary>Sends the self-assessment to its reviewer: every criterion scored, evidence for each criterion that
    /// requires it (<paramref name="criteriaWithEvidence"/>: the numbers, from 1, of the criteria with a document).</summary>
    public void Submit(IReadOnlyList<decimal?> scores, string? comment, IReadOnlySet<int> criteriaWithEvidence,
        string submittedBy, string? reviewerJurisdiction, Guid userId, DateTimeOffset now)
    {
        EnsureUnlocked();
        if (Status != PartyEvaluationStatus.Open)
        {
            throw new DomainException("Evaluation.AlreadySubmitted");
        }
        var checkedScores = Round.CheckScores(scores, Scores, complete: true);
        var checkedComment = Text.Optional(comment, CommentMaxLength, Comment);
        for (var i = 0; i < Round.Criteria.Count; i++)
        {
            if (Round.Criteria[i].EvidenceRequired && !criteriaWithEvidence.Contains(i + 1))
            {
                throw new DomainException("Evaluation.EvidenceMissing", "File", Round.Criteria[i].Name);
            }
        }
        if (reviewerJurisdiction is not null && submittedBy == "r:" + reviewerJurisdiction)
        {
            throw new DomainException("Evaluation.NotReviewer"); // no bureau reviews what it submitted
        }
        SelfScores = checkedScores;
        SelfComment = checkedComment;
        SubmittedBy = submittedBy;
        ReviewerJurisdiction = reviewerJurisdiction;
        SubmittedByUserId = userId;
        SubmittedAt = now;
        Status = PartyEvaluationStatus.Submitted;
    }

    /// <summary>Whether the evaluation waits for this reviewer: the bureau it was routed to (its prefix), the ministry
    /// (null) for a national round's last resort, or the system admin, who may review any.</summary>
    public bool AwaitsReviewFrom(string? jurisdiction, bool systemAdmin) =>
        Status == PartyEvaluationStatus.Submitted && Round.Status == EvaluationRoundStatus.Open
        && (systemAdmin || jurisdiction == ReviewerJurisdiction);

    /// <summary>The reviewer scores every criterion and may comment; the result is final once the round publishes.</summary>
    public void Review(string? jurisdiction, bool systemAdmin, IReadOnlyList<decimal?> scores, string? comment, Guid userId, DateTimeOffset now)
    {
        EnsureUnlocked();
        if (!AwaitsReviewFrom(jurisdiction, systemAdmin))
        {
            throw new DomainException("Evaluation.NotReviewer");
        }
        var checkedScores = Round.CheckScores(scores, Scores, complete: true);
        ReviewComment = Text.Optional(comment, CommentMaxLength, Comment);
        ReviewScores = checkedScores;
        ReviewedByUserId = userId;
        ReviewedAt = now;
        Status = PartyEvaluationStatus.Reviewed;
    }

    /// <summary>The reminder a week before the due day, once, while the party has not submitted.</summary>
    public bool NeedsReminder(DateOnly today) =>
        Status == PartyEvaluationStatus.Open && Round.Status == EvaluationRoundStatus.Open && ReminderSentOn is null
        && today <= Round.DueOn && today >= Round.DueOn.AddDays(-7);

    public void MarkReminded(DateOnly today) => ReminderSentOn = today;

    /// <summary>The self-assessment's total, by the rubric's one rule (null until submitted).</summary>
    public decimal? SelfTotal => Status == PartyEvaluationStatus.Open ? null : Round.Total(SelfScores);

    /// <summary>The result: the reviewed total, once the round's results are published (null before, and for a
    /// party never reviewed).</summary>
    public decimal? Result => Round.Status == EvaluationRoundStatus.Published && Status == PartyEvaluationStatus.Reviewed
        ? Round.Total(ReviewScores) : null;

    public IEnumerable<IAccessControlled?> Owners => [Agreement];
}
