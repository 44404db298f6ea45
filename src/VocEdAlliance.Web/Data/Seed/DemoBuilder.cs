using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Domain.Evaluations;
using VocEdAlliance.Web.Domain.Plans;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Programmes;

namespace VocEdAlliance.Web.Data.Seed;

/// <summary>Small verbs for writing the demo dataset readably: organisations are found or created by name, and
/// agreements, alliances and activities are made through the domain's own methods (so every rule applies).</summary>
internal sealed class DemoBuilder(AppDbContext db, Guid recordedBy, int currentYear)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly Dictionary<string, Organisation> organisations = [];

    public async Task LoadExistingAsync()
    {
        foreach (var organisation in await db.Organisations.ToListAsync())
        {
            organisations[organisation.Name] = organisation;
        }
    }

    public EducationBureau Bureau(string name, string? nameEn, string region, bool placeholder = false) =>
        (EducationBureau)Organisation(name, () => new EducationBureau(name, nameEn, region, placeholder));

    public Institution School(string name, string? nameEn, string region, InstitutionKind kind = InstitutionKind.SecondaryVocationalSchool,
        bool placeholder = false, Ownership ownership = Ownership.Public, InstitutionProfile? profile = null) =>
        (Institution)Organisation(name, () => new Institution(name, nameEn, kind, ownership, region, profile ?? new InstitutionProfile(), currentYear, placeholder));

    public Institution Enterprise(string name, string? nameEn, string region, bool placeholder = false) =>
        School(name, nameEn, region, InstitutionKind.Enterprise, placeholder, Ownership.Private);

    public Organisation Named(string name) => organisations[name];

    private Organisation Organisation(string name, Func<Organisation> create)
    {
        if (!organisations.TryGetValue(name, out var organisation))
        {
            organisation = create();
            organisations[name] = organisation;
            db.Organisations.Add(organisation);
        }
        return organisation;
    }

    public Alliance Alliance(string name, string? nameEn, AllianceKind kind, FocusArea[] focus, PartialDate? founded,
        Organisation lead, Alliance? parent = null, string? description = null, bool placeholder = false)
    {
        var alliance = new Alliance(name, nameEn, kind, focus, founded, parent?.Id, description, Member(lead, MemberRole.Lead, founded), placeholder);
        db.Alliances.Add(alliance);
        return alliance;
    }

    public static MemberTerms Member(Organisation o, MemberRole role, PartialDate? joined) =>
        new(o.Id, o.Name, o.Type, o.RegionCode, role, joined);

    public static void Join(Alliance alliance, PartialDate? joined, params Organisation[] members)
    {
        foreach (var member in members)
        {
            alliance.Join(Member(member, MemberRole.Member, joined));
        }
    }

    /// <summary>An agreement as recorded by <paramref name="recorder"/>: pending when a party is outside the recorder's
    /// jurisdiction (still to be confirmed), active when the recorder is the system (confirmed long ago). The parties
    /// are listed in the order given, as signatories except the <paramref name="initiators"/>.</summary>
    public Agreement Agreement(AgreementKind kind, string title, DateOnly from, DateOnly? to, CooperationMode[] modes,
        Organisation[] parties, Alliance? alliance = null, EducationBureau? recorder = null, string? specialties = null, string? notes = null,
        Organisation[]? initiators = null, string? collegeName = null, DatePrecision precision = DatePrecision.Day)
    {
        // A source that gives only the year or month of the start: the parties' signing days are unknown.
        var signedOn = precision == DatePrecision.Day ? from : (DateOnly?)null;
        var terms = new AgreementTerms(kind, title, null, alliance?.Id,
            [.. parties.Select(p => new PartyTerms(p.Id, p.Name, p.Type, (p as Institution)?.Kind, p.RegionCode, null, null, signedOn,
                initiators?.Contains(p) == true ? PartyRole.Initiator : PartyRole.Signatory))],
            from, to, modes, specialties, notes, CollegeName: collegeName, EffectiveFromPrecision: precision);
        var agreement = Domain.Agreements.Agreement.Record(terms, recorder?.Id, recorder?.JurisdictionKey, At(from), recordedBy);
        db.Agreements.Add(agreement);
        return agreement;
    }

    public CooperationActivity Activity(Agreement? agreement, Alliance? alliance, ActivityKind kind, string title, DateOnly on,
        string? location = null, ActivityOutcomes? outcomes = null, string? participants = null, string? description = null, DateOnly? until = null,
        SupportEntry? support = null, DatePrecision precision = DatePrecision.Day)
    {
        // A source that gives only the year: the dates are that year, recorded (as far as the demo knows) at its end.
        var recorded = precision == DatePrecision.Year ? new DateOnly((until ?? on).Year, 12, 31) : on;
        var activity = CooperationActivity.Record(agreement, alliance,
            new ActivityDetails(kind, title, on, until, location, participants, outcomes ?? new ActivityOutcomes(), description, support, precision, precision),
            recordedBy, At(recorded));
        db.Activities.Add(activity);
        return activity;
    }

    private static DateTimeOffset At(DateOnly day) => new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), Beijing).ToUniversalTime();

    public KeyIndustry KeyIndustry(string regionCode, string name, int fromYear, int? toYear)
    {
        var industry = new KeyIndustry(regionCode, name, fromYear, toYear);
        db.KeyIndustries.Add(industry);
        return industry;
    }

    public Programme Programme(Institution school, string name, ProgrammeLevel level, string code, int? opened, KeyIndustry? industry = null,
        int? closed = null, string? closedReason = null, int? downsized = null, string? downsizedReason = null, params ProgrammeYear[] years)
    {
        var programme = Domain.Programmes.Programme.Create(school,
            new ProgrammeDetails(name, level, code, opened, closed, closedReason, downsized, downsizedReason, industry?.Id, years));
        db.Programmes.Add(programme);
        return programme;
    }

    /// <summary>A yearly plan, submitted and approved by the system admin (no bureau above the demo parties has an
    /// account to answer it) on the 31 January of its year.</summary>
    public YearlyPlan Plan(Agreement agreement, int year, PlanTargets targets)
    {
        var plan = new YearlyPlan(agreement, year, targets);
        plan.Submit(agreement.AccessKeys.First(k => k.StartsWith("o:", StringComparison.Ordinal)), null, recordedBy, At(new DateOnly(year, 1, 20)));
        plan.Approve(null, recordedBy, At(new DateOnly(year, 1, 31)));
        db.Plans.Add(plan);
        return plan;
    }

    /// <summary>A bureau's plan for its jurisdiction, submitted by it and approved by the system admin on the 31 January
    /// of its year.</summary>
    public YearlyPlan Plan(EducationBureau bureau, int year, PlanTargets targets)
    {
        var plan = new YearlyPlan(bureau, year, targets);
        plan.Submit(bureau.JurisdictionKey, null, recordedBy, At(new DateOnly(year, 1, 20)));
        plan.Approve(null, recordedBy, At(new DateOnly(year, 1, 31)));
        db.Plans.Add(plan);
        return plan;
    }

    /// <summary>An evaluation round whose rubric was published on 5 January of the next year.</summary>
    public EvaluationRound EvaluationRound(string? publisher, string title, int year, DateOnly dueOn, EvaluationCriterion[] criteria)
    {
        var round = new EvaluationRound(publisher, title, year, dueOn, criteria);
        round.Open(At(new DateOnly(year + 1, 1, 5)));
        db.EvaluationRounds.Add(round);
        return round;
    }

    /// <summary>A party's self-assessment (with a one-page evidence document for each criterion that requires one),
    /// submitted in February, and its review by <paramref name="reviewer"/> (null: the ministry) in March.</summary>
    public PartyEvaluation Evaluation(EvaluationRound round, Agreement agreement, AgreementParty party, decimal[] self, decimal[] review, string? reviewer)
    {
        var evaluation = new PartyEvaluation(round, agreement, party);
        db.PartyEvaluations.Add(evaluation);
        var evidence = new HashSet<int>();
        for (var i = 0; i < round.Criteria.Count; i++)
        {
            if (round.Criteria[i].EvidenceRequired)
            {
                db.Documents.Add(Domain.Documents.Document.For(evaluation, i + 1, $"{round.Criteria[i].Name}（演示材料）.pdf", DemoPdf, recordedBy,
                    At(new DateOnly(round.Year + 1, 2, 10))));
                evidence.Add(i + 1);
            }
        }
        evaluation.Submit([.. self.Select(s => (decimal?)s)], "演示自评：来源未给出自评内容。", evidence, AccessKeys(party), reviewer, recordedBy,
            At(new DateOnly(round.Year + 1, 2, 20)));
        evaluation.Review(reviewer, false, [.. review.Select(s => (decimal?)s)], "演示评分：来源未给出考核结果，分数为演示占位。", recordedBy,
            At(new DateOnly(round.Year + 1, 3, 15)));
        return evaluation;
    }

    private static string AccessKeys(AgreementParty party) => Domain.Access.AccessKeys.ForOrganisation(party.OrganisationId);

    /// <summary>A one-page PDF saying it is a demo placeholder.</summary>
    private static readonly byte[] DemoPdf = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
}
