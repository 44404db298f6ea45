using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.Web.Domain.Agreements;

public enum AgreementKind
{
    Framework,
    Pairing,
    SchoolEnterprise,
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
    string RegionCode, string? SignatoryName, string? SignatoryTitle, DateOnly? SignedOn)
{
    public bool IsSchool => InstitutionKind is Organisations.InstitutionKind.SecondaryVocationalSchool or Organisations.InstitutionKind.HigherVocationalCollege
        or Organisations.InstitutionKind.TechnicianSchool or Organisations.InstitutionKind.UndergraduateUniversity;

    public bool IsEnterprise => InstitutionKind == Organisations.InstitutionKind.Enterprise;
}

/// <summary>The terms of an agreement as entered: what <see cref="Agreement.Record"/> and
/// <see cref="Agreement.ChangeTerms"/> take.</summary>
public sealed record AgreementTerms(AgreementKind Kind, string Title, string? Number, Guid? AllianceId,
    IReadOnlyList<PartyTerms> Parties, DateOnly EffectiveFrom, DateOnly? EffectiveTo,
    IReadOnlyList<CooperationMode> Modes, string? Specialties, string? Notes);

/// <summary>框架协议 / 结对协议 / 校企合作协议: who signed, from when to when, to cooperate how.</summary>
public sealed class Agreement : IAccessControlled
{
    public const int TitleMaxLength = 200;
    public const int NumberMaxLength = 60;
    public const int TextMaxLength = 2000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public AgreementKind Kind { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string? Number { get; private set; }
    public Guid? AllianceId { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public DateOnly? EffectiveTo { get; private set; }
    public AgreementStatus Status { get; private set; }
    public List<CooperationMode> Modes { get; private set; } = [];
    public string? Specialties { get; private set; }
    public string? Notes { get; private set; }
    public Guid? RecordedByOrganisationId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public bool IsArchived { get; private set; }
    public List<string> AccessKeys { get; private set; } = [];
    public uint Version { get; private set; }

    private readonly List<AgreementParty> parties = [];
    public IReadOnlyList<AgreementParty> Parties => parties;

    private Agreement()
    {
    }

    /// <summary>Records a new agreement. A bureau recording one with a party outside its jurisdiction makes it
    /// wait for the counterpart's confirmation; otherwise it is active at once.</summary>
    /// <param name="recorderJurisdictionKey">The recording bureau's jurisdiction key, or null when the system
    /// admin records it.</param>
    public static Agreement Record(AgreementTerms terms, Guid? recordedBy, string? recorderJurisdictionKey, DateTimeOffset now)
    {
        var agreement = new Agreement { RecordedByOrganisationId = recordedBy, RecordedAt = now };
        agreement.Apply(terms);
        var allInside = recorderJurisdictionKey is null
                        || agreement.parties.All(p => Access.AccessKeys.For(p.OrganisationId, p.RegionCode).Contains(recorderJurisdictionKey));
        agreement.Status = allInside ? AgreementStatus.Active : AgreementStatus.PendingCounterpartConfirmation;
        return agreement;
    }

    /// <summary>Changes the terms (parties, dates, modes…). The confirmation workflow that sends a changed agreement
    /// back to pending comes with the agreement workflow.</summary>
    public void ChangeTerms(AgreementTerms terms)
    {
        if (IsArchived)
        {
            throw new DomainException("Agreement.Archived");
        }
        Apply(terms);
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
        if (terms.EffectiveTo is { } to && to < terms.EffectiveFrom)
        {
            throw new DomainException("Agreement.EndsBeforeItStarts", nameof(EffectiveTo));
        }
        CheckParties(terms.Kind, terms.Parties);
        Kind = terms.Kind;
        Title = title;
        Number = Text.Optional(terms.Number, NumberMaxLength, nameof(Number));
        AllianceId = terms.AllianceId;
        EffectiveFrom = terms.EffectiveFrom;
        EffectiveTo = terms.EffectiveTo;
        Modes = [.. terms.Modes.Distinct().Order()];
        Specialties = Text.Optional(terms.Specialties, TextMaxLength, nameof(Specialties));
        Notes = Text.Optional(terms.Notes, TextMaxLength, nameof(Notes));
        parties.Clear();
        parties.AddRange(terms.Parties.Select(p => new AgreementParty(this, p)));
        AccessKeys = Access.AccessKeys.Union(terms.Parties.Select(p => (p.OrganisationId, p.RegionCode)));
    }

    private static void CheckParties(AgreementKind kind, IReadOnlyList<PartyTerms> parties)
    {
        if (parties.Select(p => p.OrganisationId).Distinct().Count() != parties.Count)
        {
            throw new DomainException("Agreement.PartyTwice", nameof(Parties));
        }
        var valid = kind switch
        {
            AgreementKind.Pairing => parties.Count == 2 && parties.All(p => p.IsSchool),
            AgreementKind.SchoolEnterprise => parties.Count == 2 && parties.Count(p => p.IsSchool) == 1 && parties.Count(p => p.IsEnterprise) == 1,
            _ => parties.Count >= 2,
        };
        if (!valid)
        {
            throw new DomainException($"Agreement.Parties.{kind}", nameof(Parties));
        }
    }
}

/// <summary>A party to an agreement: the organisation, its name and region as signed, and who signed when.</summary>
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

    private AgreementParty()
    {
    }

    internal AgreementParty(Agreement agreement, PartyTerms terms)
    {
        Agreement = agreement;
        AgreementId = agreement.Id;
        OrganisationId = terms.OrganisationId;
        OrganisationName = terms.OrganisationName;
        OrganisationType = terms.Type;
        InstitutionKind = terms.InstitutionKind;
        RegionCode = terms.RegionCode;
        SignatoryName = Text.Optional(terms.SignatoryName, 100);
        SignatoryTitle = Text.Optional(terms.SignatoryTitle, 100);
        SignedOn = terms.SignedOn;
    }

    public IEnumerable<IAccessControlled?> Owners => [Agreement];
}
