using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Alliances;

namespace VocEdAlliance.Web.Domain.Activities;

public enum ActivityKind
{
    Visit,
    TeacherTraining,
    StudentExchange,
    ExpertLecture,
    ForumOrSummit,
    SymposiumOrConference,
    FinancialSupport,
    EquipmentDonation,
    JointEnrolmentIntake,
    SkillsTraining,
}

/// <summary>What came of an activity, as reported: all optional, none negative. <paramref name="Employed"/>: of the
/// students and trainees, those in work after it (placed, or employment it brought about) — never more than them;
/// <paramref name="HouseholdsBenefited"/>: families it lifted or helped (a poverty-alleviation training);
/// <paramref name="IndustryLeaders"/>: industry or village leaders it produced (产业带头人), of the students and trainees.</summary>
public sealed record ActivityOutcomes(int? Participants = null, int? Students = null, int? Teachers = null,
    int? Trainees = null, decimal? AmountCny = null, int? Employed = null, int? HouseholdsBenefited = null, int? IndustryLeaders = null)
{
    /// <summary>The people it trained or taught: its trainees and students.</summary>
    public long? Trained => Trainees is null && Students is null ? null : (long)(Trainees ?? 0) + (Students ?? 0);
}

public sealed record ActivityDetails(ActivityKind Kind, string Title, DateOnly StartsOn, DateOnly? EndsOn,
    string? Location, string? ParticipatingOrganisations, ActivityOutcomes Outcomes, string? Description, SupportEntry? Support = null,
    DatePrecision StartsPrecision = DatePrecision.Day, DatePrecision EndsPrecision = DatePrecision.Day);

/// <summary>The ledger side of financial support and equipment donations: who gave to whom, from which funds (the
/// amount or estimated value is the outcome's amount in CNY). Giver and receiver are parties of the agreement; any
/// activity may record them (required for those two kinds).</summary>
public sealed record SupportEntry(Guid GiverOrganisationId, Guid ReceiverOrganisationId, string? SourceOfFunds);

/// <summary>A cooperation activity (visit, training, exchange, lecture, forum, funding…) under an agreement and/or
/// an alliance: visible to whoever sees either.</summary>
public sealed class CooperationActivity : IAccessControlledPart
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid? AgreementId { get; private set; }
    public Agreement? Agreement { get; private set; }
    public Guid? AllianceId { get; private set; }
    public Alliance? Alliance { get; private set; }
    public ActivityKind Kind { get; private set; }
    public string Title { get; private set; } = string.Empty;
    /// <summary>The first day of the period the start names (a day, a month or a year: <see cref="StartsOnPrecision"/>).</summary>
    public DateOnly StartsOn { get; private set; }
    public DatePrecision StartsOnPrecision { get; private set; }
    public DateOnly? EndsOn { get; private set; }
    public DatePrecision EndsOnPrecision { get; private set; }

    /// <summary>The start as precise as its source.</summary>
    public PartialDate Starts => new(StartsOn, StartsOnPrecision);

    public PartialDate? Ends => EndsOn is { } end ? new PartialDate(end, EndsOnPrecision) : null;
    public string? Location { get; private set; }
    public string? ParticipatingOrganisations { get; private set; }
    public int? Participants { get; private set; }
    public int? Students { get; private set; }
    public int? Teachers { get; private set; }
    public int? Trainees { get; private set; }
    public decimal? AmountCny { get; private set; }
    public int? Employed { get; private set; }
    public int? HouseholdsBenefited { get; private set; }
    public int? IndustryLeaders { get; private set; }

    public ActivityOutcomes Outcomes => new(Participants, Students, Teachers, Trainees, AmountCny, Employed, HouseholdsBenefited, IndustryLeaders);
    public string? Description { get; private set; }
    public Guid? GiverOrganisationId { get; private set; }
    public Guid? ReceiverOrganisationId { get; private set; }
    public string? SourceOfFunds { get; private set; }
    public Guid RecordedByUserId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public bool IsArchived { get; private set; }
    public uint Version { get; private set; }

    private CooperationActivity()
    {
    }

    public static CooperationActivity Record(Agreement? agreement, Alliance? alliance, ActivityDetails details, Guid recordedBy, DateTimeOffset now)
    {
        if (agreement is null && alliance is null)
        {
            throw new DomainException("Activity.NeedsAgreementOrAlliance");
        }
        if (agreement is { IsArchived: true })
        {
            throw new DomainException("Agreement.Archived");
        }
        var activity = new CooperationActivity
        {
            Agreement = agreement,
            AgreementId = agreement?.Id,
            Alliance = alliance,
            AllianceId = alliance?.Id,
            RecordedByUserId = recordedBy,
            RecordedAt = now,
        };
        activity.Apply(details);
        return activity;
    }

    public void Change(ActivityDetails details)
    {
        if (IsArchived)
        {
            throw new DomainException("Activity.Archived");
        }
        Apply(details);
    }

    public void Archive()
    {
        if (IsArchived)
        {
            throw new DomainException("Activity.Archived");
        }
        IsArchived = true;
    }

    private void Apply(ActivityDetails details)
    {
        var title = Text.Required(details.Title, nameof(Title), TitleMaxLength);
        var starts = new PartialDate(BusinessDates.Check(details.StartsOn, nameof(StartsOn)), details.StartsPrecision);
        PartialDate? ends = BusinessDates.Check(details.EndsOn, nameof(EndsOn)) is { } end ? new PartialDate(end, details.EndsPrecision) : null;
        if (ends is { } until && until.End < starts.Start)
        {
            throw new DomainException("Activity.EndsBeforeItStarts", nameof(EndsOn));
        }
        var o = details.Outcomes;
        foreach (var (value, field) in new[] { ((decimal?)o.Participants, nameof(Participants)), (o.Students, nameof(Students)),
                     (o.Teachers, nameof(Teachers)), (o.Trainees, nameof(Trainees)), (o.AmountCny, nameof(AmountCny)), (o.Employed, nameof(Employed)),
                     (o.HouseholdsBenefited, nameof(HouseholdsBenefited)), (o.IndustryLeaders, nameof(IndustryLeaders)) })
        {
            if (value is < 0)
            {
                throw new DomainException("Validation.NotNegative", field);
            }
        }
        foreach (var (value, field) in new[] { (o.Employed, nameof(Employed)), (o.IndustryLeaders, nameof(IndustryLeaders)) })
        {
            if (value is > 0 && value > (o.Trained ?? 0))
            {
                throw new DomainException("Activity.MoreThanTrained", field);
            }
        }
        Kind = details.Kind;
        Title = title;
        StartsOn = starts.Start;
        StartsOnPrecision = starts.Precision;
        EndsOn = ends?.Start;
        EndsOnPrecision = ends?.Precision ?? DatePrecision.Day;
        Location = Text.Optional(details.Location, 200, nameof(Location));
        ParticipatingOrganisations = Text.Optional(details.ParticipatingOrganisations, TextMaxLength, nameof(ParticipatingOrganisations));
        Participants = o.Participants;
        Students = o.Students;
        Teachers = o.Teachers;
        Trainees = o.Trainees;
        AmountCny = o.AmountCny;
        Employed = o.Employed;
        HouseholdsBenefited = o.HouseholdsBenefited;
        IndustryLeaders = o.IndustryLeaders;
        Description = Text.Optional(details.Description, TextMaxLength, nameof(Description));
        ApplySupport(details);
    }

    public bool IsSupport => Kind is ActivityKind.FinancialSupport or ActivityKind.EquipmentDonation;

    /// <summary>Who gave to whom: required (with an amount) for financial support and equipment donations, and kept on
    /// any other kind when both are given (a training paid by the giver counts in the East→West support figures).</summary>
    private void ApplySupport(ActivityDetails details)
    {
        if (details.Support is not { } support)
        {
            if (IsSupport)
            {
                throw new DomainException("Activity.SupportNeedsGiverAndReceiver", "GiverOrganisationId");
            }
            GiverOrganisationId = ReceiverOrganisationId = null;
            SourceOfFunds = null;
            return;
        }
        if (IsSupport && details.Outcomes.AmountCny is null)
        {
            throw new DomainException("Activity.SupportNeedsAmount", nameof(AmountCny));
        }
        if (support.GiverOrganisationId == support.ReceiverOrganisationId)
        {
            throw new DomainException("Activity.GiverIsReceiver", "ReceiverOrganisationId");
        }
        if (Agreement is { } agreement && !new[] { support.GiverOrganisationId, support.ReceiverOrganisationId }
                .All(id => agreement.Parties.Any(p => p.OrganisationId == id)))
        {
            throw new DomainException("Activity.SupportBetweenParties", "GiverOrganisationId");
        }
        GiverOrganisationId = support.GiverOrganisationId;
        ReceiverOrganisationId = support.ReceiverOrganisationId;
        SourceOfFunds = Text.Optional(support.SourceOfFunds, 200, nameof(SourceOfFunds));
    }

    public IEnumerable<IAccessControlled?> Owners => [Agreement, Alliance];
}
