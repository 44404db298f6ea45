using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.Web.Domain.Plans;

public enum PlanStatus
{
    Draft,
    Submitted,
    Approved,
}

public enum Indicator
{
    TeachersTrained,
    StudentsExchanged,
    PoorFamilyStudentsEnrolled,
    Trainees,
    FundsCny,
    Lectures,
    Visits,

    /// <summary>Vocational schools the plan covers that exist in the year (from the registry).</summary>
    Schools,

    /// <summary>Students those schools enrolled in the year (from their programmes' yearly figures).</summary>
    Enrolment,
}

/// <summary>The schools a plan covers in its year: those founded in or before it (or with no founding year), and the
/// students their programmes enrolled that year. See <c>Summaries/PlanProgress.SchoolsOf</c> for which schools.</summary>
public sealed record PlanSchools(int Count, int Enrolment)
{
    public static PlanSchools None { get; } = new(0, 0);
}

/// <summary>The targets of one year, per indicator (a missing target is not planned).</summary>
public sealed record PlanTargets(decimal? TeachersTrained = null, decimal? StudentsExchanged = null, decimal? PoorFamilyStudentsEnrolled = null,
    decimal? Trainees = null, decimal? FundsCny = null, decimal? Lectures = null, decimal? Visits = null, decimal? Schools = null,
    decimal? Enrolment = null)
{
    public decimal? For(Indicator indicator) => indicator switch
    {
        Indicator.TeachersTrained => TeachersTrained,
        Indicator.StudentsExchanged => StudentsExchanged,
        Indicator.PoorFamilyStudentsEnrolled => PoorFamilyStudentsEnrolled,
        Indicator.Trainees => Trainees,
        Indicator.FundsCny => FundsCny,
        Indicator.Lectures => Lectures,
        Indicator.Visits => Visits,
        Indicator.Schools => Schools,
        _ => Enrolment,
    };

    /// <summary>The cooperation mode whose yearly quota (people a year, agreed in the terms) an indicator is planned
    /// against: teachers trained ← teacher training, students exchanged ← student exchange, students enrolled ← "1+2"
    /// joint enrolment, trainees ← training base. The other indicators have no quota.</summary>
    public static CooperationMode? QuotaModeOf(Indicator indicator) => indicator switch
    {
        Indicator.TeachersTrained => CooperationMode.TeacherTraining,
        Indicator.StudentsExchanged => CooperationMode.StudentExchange,
        Indicator.PoorFamilyStudentsEnrolled => CooperationMode.JointEnrolment,
        Indicator.Trainees => CooperationMode.TrainingBase,
        _ => null,
    };

    /// <summary>What an agreement's terms set for an indicator in a year (people), if they set a quota for it.</summary>
    public static int? Agreed(Indicator indicator, Agreement? agreement, int year) =>
        QuotaModeOf(indicator) is { } mode ? agreement?.QuotaFor(mode, year) : null;

    /// <summary>What the year achieved, per indicator: the recorded activities of the year, and for schools and
    /// enrolment the schools the plan covers (<paramref name="schools"/>).</summary>
    public static decimal Actual(Indicator indicator, IEnumerable<CooperationActivity> activities, PlanSchools? schools = null) => indicator switch
    {
        Indicator.Schools => (schools ?? PlanSchools.None).Count,
        Indicator.Enrolment => (schools ?? PlanSchools.None).Enrolment,
        Indicator.TeachersTrained => activities.Sum(a => a.Teachers ?? 0),
        Indicator.StudentsExchanged => activities.Where(a => a.Kind == ActivityKind.StudentExchange).Sum(a => a.Students ?? 0),
        Indicator.PoorFamilyStudentsEnrolled => activities.Where(a => a.Kind == ActivityKind.JointEnrolmentIntake).Sum(a => a.Students ?? 0),
        Indicator.Trainees => activities.Sum(a => a.Trainees ?? 0),
        Indicator.FundsCny => activities.Sum(a => a.AmountCny ?? 0),
        Indicator.Lectures => activities.Count(a => a.Kind == ActivityKind.ExpertLecture),
        _ => activities.Count(a => a.Kind == ActivityKind.Visit),
    };
}

/// <summary>年度计划: an agreement's, an alliance's or a bureau's (for its jurisdiction) targets for a year. Submitted by a party's school or bureau, approved by the
/// nearest bureau above the submitter that has an account (county → prefecture → province → system admin), or
/// returned with a comment to draft; once approved, locked. Activities recorded after the reporting
/// deadline (31 March of the next year) are late.</summary>
public sealed class YearlyPlan : IAccessControlledPart
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid? AgreementId { get; private set; }
    public Agreement? Agreement { get; private set; }
    public Guid? AllianceId { get; private set; }
    public Alliance? Alliance { get; private set; }

    /// <summary>A bureau's plan for its own jurisdiction (浏阳市's schools and enrolment by 2025).</summary>
    public Guid? BureauId { get; private set; }
    public EducationBureau? Bureau { get; private set; }
    public int Year { get; private set; }
    public PlanTargets Targets { get; private set; } = new();
    public PlanStatus Status { get; private set; }

    /// <summary>The access key of the side that submitted (<c>r:5203</c> a bureau, <c>o:{id}</c> a school): "submitted
    /// by us", and where an approval or a return is announced.</summary>
    public string? SubmittedBy { get; private set; }

    /// <summary>The jurisdiction prefix of the bureau that approves (<c>52</c>), chosen when the plan is submitted:
    /// the nearest bureau above the submitter with an active account (see docs/access-model.md). Null: nobody above
    /// has an account, and the system admin approves.</summary>
    public string? ApproverJurisdiction { get; private set; }

    /// <summary>Why the approver sent the plan back (kept, with who and when, until it is submitted again; the
    /// history keeps every one).</summary>
    public string? ReturnComment { get; private set; }

    public Guid? ReturnedByUserId { get; private set; }
    public DateTimeOffset? ReturnedAt { get; private set; }

    public Guid? SubmittedByUserId { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public Guid? ApprovedByUserId { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public uint Version { get; private set; }

    public DateOnly ReportingDeadline => new(Year + 1, 3, 31);

    private YearlyPlan()
    {
    }

    public YearlyPlan(Agreement agreement, int year, PlanTargets targets)
        : this(year, targets)
    {
        Agreement = agreement;
        AgreementId = agreement.Id;
    }

    public YearlyPlan(Alliance alliance, int year, PlanTargets targets)
        : this(year, targets)
    {
        Alliance = alliance;
        AllianceId = alliance.Id;
    }

    public YearlyPlan(EducationBureau bureau, int year, PlanTargets targets)
        : this(year, targets)
    {
        Bureau = bureau;
        BureauId = bureau.Id;
    }

    private YearlyPlan(int year, PlanTargets targets)
    {
        if (year < 2000 || year > 2100)
        {
            throw new DomainException("Plan.YearOutOfRange", nameof(Year));
        }
        Year = year;
        SetTargets(targets);
    }

    /// <summary>The agreement's title, the alliance's name or the bureau's.</summary>
    public string OwnerName => Agreement?.Title ?? Alliance?.Name ?? Bureau?.Name ?? string.Empty;

    public void ChangeTargets(PlanTargets targets)
    {
        if (Status == PlanStatus.Approved)
        {
            throw new DomainException("Plan.Locked");
        }
        SetTargets(targets);
        Status = PlanStatus.Draft;
    }

    private void SetTargets(PlanTargets targets)
    {
        foreach (var indicator in Enum.GetValues<Indicator>())
        {
            if (targets.For(indicator) is < 0)
            {
                throw new DomainException("Validation.NotNegative", indicator.ToString());
            }
        }
        Targets = targets;
    }

    public const int ReturnCommentMaxLength = 1000;

    /// <param name="submittedBy">The submitting side's access key.</param>
    /// <param name="approverJurisdiction">Who approves: a bureau's jurisdiction prefix, or null for the system admin.</param>
    public void Submit(string submittedBy, string? approverJurisdiction, Guid userId, DateTimeOffset now)
    {
        if (Status != PlanStatus.Draft)
        {
            throw new DomainException("Plan.NotDraft");
        }
        if (approverJurisdiction is not null && submittedBy == "r:" + approverJurisdiction)
        {
            throw new DomainException("Plan.NotSupervisor"); // a bureau never approves its own plan
        }
        SubmittedBy = submittedBy;
        ApproverJurisdiction = approverJurisdiction;
        SubmittedByUserId = userId;
        SubmittedAt = now;
        Status = PlanStatus.Submitted;
    }

    /// <summary>Whether the plan waits for this approver: the bureau it was routed to (its jurisdiction prefix), or the
    /// system admin (null), who may answer any submitted plan — the last resort when the bureau it went to has lost its
    /// accounts since.</summary>
    public bool AwaitsApprovalFrom(string? bureauPrefix) =>
        Status == PlanStatus.Submitted && (bureauPrefix is null || bureauPrefix == ApproverJurisdiction);

    public void Approve(string? bureauPrefix, Guid userId, DateTimeOffset now)
    {
        if (!AwaitsApprovalFrom(bureauPrefix))
        {
            throw new DomainException("Plan.NotSupervisor");
        }
        ApprovedByUserId = userId;
        ApprovedAt = now;
        Status = PlanStatus.Approved;
    }

    /// <summary>The approver sends the plan back to draft with a comment; the submitter changes it and submits again.</summary>
    public void Return(string? bureauPrefix, string comment, Guid userId, DateTimeOffset now)
    {
        if (!AwaitsApprovalFrom(bureauPrefix))
        {
            throw new DomainException("Plan.NotSupervisor");
        }
        ReturnComment = Text.Required(comment, nameof(ReturnComment), ReturnCommentMaxLength);
        ReturnedByUserId = userId;
        ReturnedAt = now;
        Status = PlanStatus.Draft;
    }

    /// <summary>An activity of this year recorded after the reporting deadline (31 March, a business date: China time).</summary>
    public bool IsLate(CooperationActivity activity, TimeZoneInfo businessTime) =>
        activity.StartsOn.Year == Year
        && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(activity.RecordedAt, businessTime).DateTime) > ReportingDeadline;

    public IEnumerable<IAccessControlled?> Owners => [Agreement, Alliance, Bureau];
}
