using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.Web.Domain.Agreements;

public enum AgreementKind
{
    Framework,
    Pairing,
    SchoolEnterprise,

    /// <summary>产业学院: a college and one or more enterprises build a college of an industry together (LVTC's
    /// School of Luosifen Industry). Its name is part of the terms; its programmes are the agreement's specialties and
    /// it is established on the day the agreement takes effect.</summary>
    IndustrialCollege,
}

/// <summary>What a party does in an agreement: 发起方 initiates it, 签约方 signs it, 见证方 witnesses the signing,
/// 指导单位 guides it. The kind's rules on parties (two schools for a pairing…) count the initiators and signatories;
/// witnesses and guiding units come in addition, confirm like every party and see the agreement.</summary>
public enum PartyRole
{
    Initiator,
    Signatory,
    Witness,
    GuidingUnit,
}

public enum AgreementStatus
{
    Draft,
    PendingCounterpartConfirmation,
    Active,
    Expired,
    Terminated,
}

public enum CooperationMode
{
    FinancialSupport,
    StudentExchange,
    TeacherTraining,
    SpecialtyConstruction,
    PartyBuilding,
    JointEnrolment,
    TrainingBase,
    CurriculumCoDevelopment,
    ExpertLectures,
    EquipmentDonation,
}

/// <summary>The organisation signing, as it stood when the agreement was recorded.</summary>
public sealed record PartyTerms(Guid OrganisationId, string OrganisationName, OrganisationType Type, InstitutionKind? InstitutionKind,
    string RegionCode, string? SignatoryName, string? SignatoryTitle, DateOnly? SignedOn, PartyRole Role = PartyRole.Signatory)
{
    /// <summary>An initiator or a signatory: a party the kind's rules count (not a witness or a guiding unit).</summary>
    public bool Contracts => Role is PartyRole.Initiator or PartyRole.Signatory;

    public bool IsSchool => InstitutionKind is Organisations.InstitutionKind.SecondaryVocationalSchool or Organisations.InstitutionKind.HigherVocationalCollege
        or Organisations.InstitutionKind.TechnicianSchool or Organisations.InstitutionKind.UndergraduateUniversity;

    public bool IsEnterprise => InstitutionKind == Organisations.InstitutionKind.Enterprise;
}

/// <summary>How many people a year one cooperation mode takes, in the years from <see cref="FromYear"/> to
/// <see cref="ToYear"/> (名额: 20 teachers trained a year, 2019–2021). Part of the confirmed terms.</summary>
public sealed record AgreementQuota(CooperationMode Mode, int PeoplePerYear, int FromYear, int ToYear)
{
    public const int MaxPeoplePerYear = 1_000_000;

    public bool Covers(int year) => year >= FromYear && year <= ToYear;

    /// <summary>The quota as a line of the canonical terms: <c>TeacherTraining 2019-2021 20</c>.</summary>
    public string ToCanonical() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Mode} {FromYear}-{ToYear} {PeoplePerYear}");
}

/// <summary>The terms of an agreement as entered: what <see cref="Agreement.Record"/> and
/// <see cref="Agreement.ChangeTerms"/> take. The parties are in the order entered (the order they are listed in).</summary>
public sealed record AgreementTerms(AgreementKind Kind, string Title, string? Number, Guid? AllianceId,
    IReadOnlyList<PartyTerms> Parties, DateOnly EffectiveFrom, DateOnly? EffectiveTo,
    IReadOnlyList<CooperationMode> Modes, string? Specialties, string? Notes,
    Guid? ImplementsFrameworkId = null, string? CollegeName = null, IReadOnlyList<AgreementQuota>? Quotas = null,
    DatePrecision EffectiveFromPrecision = DatePrecision.Day);

/// <summary>框架协议 / 结对协议 / 校企合作协议: who signed, from when to when, to cooperate how.</summary>
public sealed class Agreement : IAccessControlled
{
    public const int TitleMaxLength = 200;
    public const int NumberMaxLength = 60;
    public const int TextMaxLength = 2000;
    public const int CollegeNameMaxLength = 200;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public AgreementKind Kind { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string? Number { get; private set; }
    public Guid? AllianceId { get; private set; }
    /// <summary>The first day of the period the start names (a day, or a month or a year when that is all the source
    /// gives: <see cref="EffectiveFromPrecision"/>); in force from that day.</summary>
    public DateOnly EffectiveFrom { get; private set; }
    public DatePrecision EffectiveFromPrecision { get; private set; }

    /// <summary>The start as precise as its source.</summary>
    public PartialDate Effective => new(EffectiveFrom, EffectiveFromPrecision);
    public DateOnly? EffectiveTo { get; private set; }
    public AgreementStatus Status { get; private set; }
    public List<CooperationMode> Modes { get; private set; } = [];
    public string? Specialties { get; private set; }
    public string? Notes { get; private set; }

    /// <summary>The framework agreement this pairing, school–enterprise agreement or industrial college implements.
    /// General information (like the alliance): not part of the confirmed terms.</summary>
    public Guid? ImplementsFrameworkId { get; private set; }

    /// <summary>The framework implemented, read through the access filter: null where the reader may not see it.</summary>
    public Agreement? ImplementsFramework { get; private set; }

    /// <summary>An industrial college's name (螺蛳粉产业学院); none for the other kinds.</summary>
    public string? CollegeName { get; private set; }

    /// <summary>People a year per cooperation mode, with their years: part of the confirmed terms.</summary>
    public List<AgreementQuota> Quotas { get; private set; } = [];

    public Guid? RecordedByOrganisationId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public bool IsArchived { get; private set; }
    public DateOnly? TerminatedOn { get; private set; }
    public string? TerminationReason { get; private set; }

    /// <summary>When the bureaus were reminded by e-mail that it ends soon (once).</summary>
    public DateOnly? ExpiryReminderSentOn { get; private set; }

    /// <summary>The agreement this one renews, if any.</summary>
    public Guid? RenewedFromId { get; private set; }

    public List<string> AccessKeys { get; private set; } = [];
    public uint Version { get; private set; }

    /// <summary>The terms each side confirms, as canonical text, one line a term, and its SHA-256 (hex).</summary>
    public string TermsText { get; private set; } = string.Empty;
    public string TermsHash { get; private set; } = string.Empty;

    private readonly List<AgreementParty> parties = [];
    public IReadOnlyList<AgreementParty> Parties => parties;

    /// <summary>The parties in the order they are listed (the order entered).</summary>
    public IEnumerable<AgreementParty> PartiesInOrder => parties.OrderBy(p => p.Position);

    /// <summary>The quota of a mode in a year (people), if the terms set one.</summary>
    public int? QuotaFor(CooperationMode mode, int year) =>
        Quotas.Where(q => q.Mode == mode && q.Covers(year)).Select(q => (int?)q.PeoplePerYear).SingleOrDefault();

    private readonly List<AgreementConfirmation> confirmations = [];
    public IReadOnlyList<AgreementConfirmation> Confirmations => confirmations;

    private Agreement()
    {
    }

    /// <summary>Records a new agreement. A bureau recording one with a party outside its jurisdiction makes it
    /// wait for the counterpart's confirmation; otherwise it is active at once.</summary>
    /// <param name="recorderJurisdictionKey">The recording bureau's jurisdiction key, or null when the system
    /// admin records it.</param>
    /// <param name="recorder">Who records it: their access key (null for the system, which speaks for every party)
    /// and user id. Recording confirms the sides the recorder speaks for.</param>
    public static Agreement Record(AgreementTerms terms, Guid? recordedBy, string? recorderJurisdictionKey, DateTimeOffset now, Guid recorderUserId)
    {
        var agreement = new Agreement { RecordedByOrganisationId = recordedBy, RecordedAt = now, Status = AgreementStatus.PendingCounterpartConfirmation };
        agreement.Apply(terms);
        agreement.ConfirmSidesOf(recorderJurisdictionKey, recorderUserId, now);
        return agreement;
    }

    /// <summary>Records an agreement as a draft: nobody is asked to confirm it until it is sent for confirmation.</summary>
    public static Agreement RecordDraft(AgreementTerms terms, Guid? recordedBy, DateTimeOffset now)
    {
        var agreement = new Agreement { RecordedByOrganisationId = recordedBy, RecordedAt = now, Status = AgreementStatus.Draft };
        agreement.Apply(terms);
        return agreement;
    }

    /// <summary>A draft goes out: the sender's sides confirm it, the others are asked to.</summary>
    public void SendForConfirmation(string? senderAccessKey, Guid senderUserId, DateTimeOffset now)
    {
        if (Status != AgreementStatus.Draft || IsArchived)
        {
            throw new DomainException("Agreement.NotDraft");
        }
        Status = AgreementStatus.PendingCounterpartConfirmation;
        ConfirmSidesOf(senderAccessKey, senderUserId, now);
    }

    /// <summary>The parties whose side a user with this access key speaks for (every party for the system: null).</summary>
    public IEnumerable<AgreementParty> PartiesSpokenFor(string? accessKey) =>
        parties.Where(p => accessKey is null || Access.AccessKeys.For(p.OrganisationId, p.RegionCode).Contains(accessKey));

    /// <summary>The latest confirmation of a party's side, current or not.</summary>
    public AgreementConfirmation? ConfirmationOf(Guid partyOrganisationId) =>
        confirmations.Where(c => c.PartyOrganisationId == partyOrganisationId).MaxBy(c => c.ConfirmedAt);

    public bool IsConfirmedBy(Guid partyOrganisationId) => ConfirmationOf(partyOrganisationId)?.TermsHash == TermsHash;

    /// <summary>The sides this user speaks for that have not confirmed the current terms.</summary>
    public IEnumerable<AgreementParty> AwaitingConfirmationFrom(string? accessKey) =>
        PartiesSpokenFor(accessKey).Where(p => !IsConfirmedBy(p.OrganisationId));

    /// <summary>A side confirms the exact current terms. When every side has, the agreement is active.</summary>
    public void Confirm(string? accessKey, Guid userId, DateTimeOffset now)
    {
        if (IsArchived || Status is AgreementStatus.Draft or AgreementStatus.Expired or AgreementStatus.Terminated)
        {
            throw new DomainException("Agreement.NotConfirmable");
        }
        if (!AwaitingConfirmationFrom(accessKey).Any())
        {
            throw new DomainException("Agreement.NothingToConfirm");
        }
        ConfirmSidesOf(accessKey, userId, now);
    }

    /// <summary>The terms' lines that changed since a side last confirmed: (what it confirmed, what stands now).</summary>
    public IReadOnlyList<(string? Before, string? Now)> ChangesSinceConfirmationOf(Guid partyOrganisationId)
    {
        var confirmed = ConfirmationOf(partyOrganisationId);
        if (confirmed is null || confirmed.TermsHash == TermsHash)
        {
            return [];
        }
        var before = confirmed.TermsText.Split('\n');
        var now = TermsText.Split('\n');
        return [.. before.Except(now).Select(b => ((string?)b, (string?)null)).Concat(now.Except(before).Select(n => ((string?)null, (string?)n)))];
    }

    private void ConfirmSidesOf(string? accessKey, Guid userId, DateTimeOffset now)
    {
        foreach (var party in AwaitingConfirmationFrom(accessKey).ToList())
        {
            confirmations.Add(new AgreementConfirmation(this, party.OrganisationId, userId, now));
        }
        UpdateStatus();
    }

    /// <summary>Pending and active follow the confirmations; draft, expired and terminated are left alone.</summary>
    private void UpdateStatus()
    {
        if (Status is AgreementStatus.PendingCounterpartConfirmation or AgreementStatus.Active)
        {
            Status = parties.All(p => IsConfirmedBy(p.OrganisationId))
                ? AgreementStatus.Active
                : AgreementStatus.PendingCounterpartConfirmation;
        }
    }

    /// <summary>Changes the terms (and general information). A change of the terms needs every side's confirmation
    /// again: the editor's sides confirm by editing, the others see what changed; title, number and notes are general
    /// information and change nothing for the confirmations.</summary>
    public void ChangeTerms(AgreementTerms terms, string? editorAccessKey, Guid editorUserId, DateTimeOffset now)
    {
        if (IsArchived)
        {
            throw new DomainException("Agreement.Archived");
        }
        var before = TermsHash;
        Apply(terms);
        if (TermsHash != before && Status != AgreementStatus.Draft)
        {
            ConfirmSidesOf(editorAccessKey, editorUserId, now);
        }
        UpdateStatus();
    }

    /// <summary>Whether changing to these terms and general information would change nothing (an import's row that
    /// says what the agreement already says).</summary>
    public bool Says(AgreementTerms terms)
    {
        static string? Normal(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        return TermsText == Canonical(terms) && Title == Normal(terms.Title) && Number == Normal(terms.Number)
               && Notes == Normal(terms.Notes) && AllianceId == terms.AllianceId && ImplementsFrameworkId == terms.ImplementsFrameworkId
               && PartiesInOrder.Select(p => p.OrganisationId).SequenceEqual(terms.Parties.Select(p => p.OrganisationId));
    }

    /// <summary>Either party's bureau ends the agreement, from a date, for a reason. Nothing is deleted.</summary>
    public void Terminate(string? reason, DateOnly effectiveOn)
    {
        if (IsArchived || Status is not (AgreementStatus.Active or AgreementStatus.PendingCounterpartConfirmation))
        {
            throw new DomainException("Agreement.NotTerminable");
        }
        BusinessDates.Check(effectiveOn, nameof(TerminatedOn));
        if (effectiveOn < EffectiveFrom)
        {
            throw new DomainException("Agreement.TerminatedBeforeStart", nameof(TerminatedOn));
        }
        TerminationReason = Text.Required(reason, nameof(TerminationReason), TextMaxLength);
        TerminatedOn = effectiveOn;
        Status = AgreementStatus.Terminated;
    }

    /// <summary>An active agreement whose end date has passed expires (run daily by the portal).</summary>
    public bool ExpireIfEnded(DateOnly today)
    {
        if (Status != AgreementStatus.Active || EffectiveTo is not { } end || end >= today)
        {
            return false;
        }
        Status = AgreementStatus.Expired;
        return true;
    }

    /// <summary>Whether the bureaus should now be reminded that it ends within <paramref name="window"/> days.</summary>
    public bool NeedsExpiryReminder(DateOnly today, int window) =>
        Status == AgreementStatus.Active && !IsArchived && ExpiryReminderSentOn is null
        && EffectiveTo is { } end && end >= today && end <= today.AddDays(window);

    public void MarkExpiryReminderSent(DateOnly today) => ExpiryReminderSentOn = today;

    /// <summary>A new agreement with the same parties and terms for a new period, linked to this one; the renewing
    /// side confirms it by recording it, the other sides confirm it as usual.</summary>
    public Agreement Renew(DateOnly effectiveFrom, DateOnly? effectiveTo, string? recorderAccessKey, Guid? recordedBy, Guid recorderUserId, DateTimeOffset now)
    {
        if (IsArchived || Status is AgreementStatus.Draft)
        {
            throw new DomainException("Agreement.NotRenewable");
        }
        if (effectiveFrom <= EffectiveFrom)
        {
            throw new DomainException("Agreement.RenewalStartsTooEarly", nameof(EffectiveFrom));
        }
        var terms = new AgreementTerms(Kind, Title, null, AllianceId,
            [.. PartiesInOrder.Select(p => new PartyTerms(p.OrganisationId, p.OrganisationName, p.OrganisationType, p.InstitutionKind, p.RegionCode,
                p.SignatoryName, p.SignatoryTitle, null, p.Role))],
            effectiveFrom, effectiveTo, Modes, Specialties, Notes, ImplementsFrameworkId, CollegeName,
            [.. Quotas.Where(q => q.ToYear >= effectiveFrom.Year)]);
        var renewal = Record(terms, recordedBy, recorderAccessKey, now, recorderUserId);
        renewal.RenewedFromId = Id;
        return renewal;
    }

    /// <summary>What a printed copy's code says of the version it carries (its terms hash): is it a version of this
    /// agreement at all, did every party confirm exactly it (and when the last one did), is it still the current
    /// version, and is that version in force today.</summary>
    public VersionCheck Check(string termsHash, DateOnly today)
    {
        var current = termsHash == TermsHash;
        var known = current || confirmations.Any(c => c.TermsHash == termsHash);
        var confirmedAt = parties
            .Select(p => confirmations.Where(c => c.PartyOrganisationId == p.OrganisationId && c.TermsHash == termsHash)
                .Select(c => (DateTimeOffset?)c.ConfirmedAt).Min())
            .ToList();
        var byEveryParty = known && parties.Count > 0 && confirmedAt.All(at => at is not null);
        var inForce = current && byEveryParty && !IsArchived && Status == AgreementStatus.Active
                      && EffectiveFrom <= today && (EffectiveTo is null || EffectiveTo >= today);
        return new VersionCheck(known, byEveryParty, byEveryParty ? confirmedAt.Max() : null, current, inForce);
    }

    public void Archive()
    {
        if (IsArchived)
        {
            throw new DomainException("Agreement.Archived");
        }
        IsArchived = true;
    }

    private void Apply(AgreementTerms terms)
    {
        var title = Text.Required(terms.Title, nameof(Title), TitleMaxLength);
        BusinessDates.Check(terms.EffectiveFrom, nameof(EffectiveFrom));
        BusinessDates.Check(terms.EffectiveTo, nameof(EffectiveTo));
        foreach (var party in terms.Parties)
        {
            BusinessDates.Check(party.SignedOn, nameof(AgreementParty.SignedOn));
        }
        if (terms.EffectiveTo is { } to && to < terms.EffectiveFrom)
        {
            throw new DomainException("Agreement.EndsBeforeItStarts", nameof(EffectiveTo));
        }
        CheckParties(terms.Kind, terms.Parties);
        var quotas = CheckQuotas(terms);
        if (terms.ImplementsFrameworkId is { } framework && (terms.Kind == AgreementKind.Framework || framework == Id))
        {
            throw new DomainException("Agreement.FrameworkImplementsNone", nameof(ImplementsFrameworkId));
        }
        var collegeName = terms.Kind == AgreementKind.IndustrialCollege
            ? Text.Required(terms.CollegeName, nameof(CollegeName), CollegeNameMaxLength)
            : Text.Optional(terms.CollegeName, CollegeNameMaxLength, nameof(CollegeName)) is null
                ? null
                : throw new DomainException("Agreement.CollegeNameOnlyForIndustrialCollege", nameof(CollegeName));
        Kind = terms.Kind;
        Title = title;
        Number = Text.Optional(terms.Number, NumberMaxLength, nameof(Number));
        AllianceId = terms.AllianceId;
        var effective = new PartialDate(terms.EffectiveFrom, terms.EffectiveFromPrecision);
        EffectiveFrom = effective.Start;
        EffectiveFromPrecision = effective.Precision;
        EffectiveTo = terms.EffectiveTo;
        Modes = [.. terms.Modes.Distinct().Order()];
        Specialties = Text.Optional(terms.Specialties, TextMaxLength, nameof(Specialties));
        Notes = Text.Optional(terms.Notes, TextMaxLength, nameof(Notes));
        ImplementsFrameworkId = terms.ImplementsFrameworkId;
        CollegeName = collegeName;
        Quotas = quotas;
        parties.Clear();
        parties.AddRange(terms.Parties.Select((p, i) => new AgreementParty(this, p, i + 1)));
        AccessKeys = Access.AccessKeys.Union(terms.Parties.Select(p => (p.OrganisationId, p.RegionCode)));
        TermsText = Canonical(terms);
        TermsHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(TermsText)));
    }

    /// <summary>The terms as both sides confirm them, one line a term, in an order that does not depend on how they
    /// were entered: kind, dates, modes, specialties, then the parties by organisation id. Title, number, notes,
    /// alliance, the framework implemented and the order the parties are listed in are general information and are not
    /// part of it. What came later is written only where it says something, so that the terms of an agreement recorded
    /// before keep their text and hash: an industrial college's name, a party's role when it is not 签约方, and the
    /// quotas.</summary>
    private static string Canonical(AgreementTerms terms)
    {
        static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-";
        var lines = new List<string>
        {
            $"kind: {terms.Kind}",
            // A day as always; a month or a year as typed (2021-04, 2021), so day-precise terms keep their hash.
            $"effective-from: {new PartialDate(terms.EffectiveFrom, terms.EffectiveFromPrecision)}",
            $"effective-to: {Day(terms.EffectiveTo)}",
            $"modes: {string.Join(", ", terms.Modes.Distinct().Order())}",
            $"specialties: {terms.Specialties?.Trim() ?? "-"}",
        };
        if (terms.Kind == AgreementKind.IndustrialCollege)
        {
            lines.Add($"college: {terms.CollegeName?.Trim() ?? "-"}");
        }
        lines.AddRange(terms.Parties.OrderBy(p => p.OrganisationId).Select(p =>
            $"party: {p.OrganisationId:N} | {p.OrganisationName} | {p.SignatoryName?.Trim() ?? "-"} | {p.SignatoryTitle?.Trim() ?? "-"} | {Day(p.SignedOn)}"
            + (p.Role == PartyRole.Signatory ? string.Empty : $" | {p.Role}")));
        lines.AddRange((terms.Quotas ?? []).OrderBy(q => q.Mode).ThenBy(q => q.FromYear).Select(q => $"quota: {q.ToCanonical()}"));
        return string.Join('\n', lines);
    }

    private static void CheckParties(AgreementKind kind, IReadOnlyList<PartyTerms> parties)
    {
        if (parties.Select(p => p.OrganisationId).Distinct().Count() != parties.Count)
        {
            throw new DomainException("Agreement.PartyTwice", nameof(Parties));
        }
        var contracting = parties.Where(p => p.Contracts).ToList();
        var valid = kind switch
        {
            AgreementKind.Pairing => contracting.Count == 2 && contracting.All(p => p.IsSchool),
            AgreementKind.SchoolEnterprise => contracting.Count == 2 && contracting.Count(p => p.IsSchool) == 1 && contracting.Count(p => p.IsEnterprise) == 1,
            AgreementKind.IndustrialCollege => contracting.Count(p => p.IsSchool) == 1 && contracting.Any(p => p.IsEnterprise),
            _ => contracting.Count >= 2,
        };
        if (!valid)
        {
            throw new DomainException($"Agreement.Parties.{kind}", nameof(Parties));
        }
    }

    /// <summary>Quotas are whole people (1 to a million a year), for modes the agreement has, in years within
    /// 1900–2100 that overlap none of the same mode's other quotas.</summary>
    private static List<AgreementQuota> CheckQuotas(AgreementTerms terms)
    {
        var quotas = terms.Quotas ?? [];
        foreach (var quota in quotas)
        {
            if (quota.PeoplePerYear is < 1 or > AgreementQuota.MaxPeoplePerYear)
            {
                throw new DomainException("Agreement.QuotaPeople", nameof(Quotas), AgreementQuota.MaxPeoplePerYear);
            }
            if (!BusinessDates.InRange(quota.FromYear) || !BusinessDates.InRange(quota.ToYear) || quota.ToYear < quota.FromYear)
            {
                throw new DomainException("Agreement.QuotaYears", nameof(Quotas), BusinessDates.EarliestYear, BusinessDates.LatestYear);
            }
            if (!terms.Modes.Contains(quota.Mode))
            {
                throw new DomainException("Agreement.QuotaModeNotAgreed", nameof(Quotas));
            }
        }
        if (quotas.GroupBy(q => q.Mode).Any(g => g.SelectMany(q => Enumerable.Range(q.FromYear, q.ToYear - q.FromYear + 1)).GroupBy(y => y).Any(y => y.Count() > 1)))
        {
            throw new DomainException("Agreement.QuotaOverlaps", nameof(Quotas));
        }
        return [.. quotas.OrderBy(q => q.Mode).ThenBy(q => q.FromYear)];
    }
}

/// <summary>A party to an agreement: the organisation, its name and region as signed, and who signed when.</summary>
/// <summary>The verdict on one version of an agreement (<see cref="Agreement.Check"/>).</summary>
/// <param name="IsVersion">The code names a version of this agreement: the current one or one a party confirmed.</param>
/// <param name="ConfirmedByEveryParty">Every party confirmed exactly this version.</param>
/// <param name="ConfirmedAt">When the last party confirmed it (each party's first confirmation of it).</param>
/// <param name="IsCurrent">The agreement's terms are still these.</param>
/// <param name="InForce">Current, confirmed by every party, active and within its dates today.</param>
public sealed record VersionCheck(bool IsVersion, bool ConfirmedByEveryParty, DateTimeOffset? ConfirmedAt, bool IsCurrent, bool InForce);

public sealed class AgreementParty : IAccessControlledPart
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid AgreementId { get; private set; }
    public Agreement Agreement { get; private set; } = null!;
    public Guid OrganisationId { get; private set; }
    public string OrganisationName { get; private set; } = string.Empty;
    public OrganisationType OrganisationType { get; private set; }
    public InstitutionKind? InstitutionKind { get; private set; }
    public string RegionCode { get; private set; } = string.Empty;
    public string? SignatoryName { get; private set; }
    public string? SignatoryTitle { get; private set; }
    public DateOnly? SignedOn { get; private set; }

    /// <summary>发起方 / 签约方 / 见证方 / 指导单位.</summary>
    public PartyRole Role { get; private set; } = PartyRole.Signatory;

    /// <summary>Where the party is listed, from 1 (the order entered).</summary>
    public int Position { get; private set; }

    public const int SignatoryMaxLength = 100;

    private AgreementParty()
    {
    }

    internal AgreementParty(Agreement agreement, PartyTerms terms, int position)
    {
        Role = terms.Role;
        Position = position;
        Agreement = agreement;
        AgreementId = agreement.Id;
        OrganisationId = terms.OrganisationId;
        OrganisationName = terms.OrganisationName;
        OrganisationType = terms.Type;
        InstitutionKind = terms.InstitutionKind;
        RegionCode = terms.RegionCode;
        SignatoryName = Text.Optional(terms.SignatoryName, SignatoryMaxLength, nameof(SignatoryName));
        SignatoryTitle = Text.Optional(terms.SignatoryTitle, SignatoryMaxLength, nameof(SignatoryTitle));
        SignedOn = terms.SignedOn;
    }

    public IEnumerable<IAccessControlled?> Owners => [Agreement];
}
