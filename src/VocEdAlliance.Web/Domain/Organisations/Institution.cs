namespace VocEdAlliance.Web.Domain.Organisations;

public enum InstitutionKind
{
    SecondaryVocationalSchool,
    HigherVocationalCollege,
    TechnicianSchool,
    UndergraduateUniversity,
    Enterprise,
    IndustryAssociation,
    ResearchCentre,
}

public enum Ownership
{
    Public,
    Private,
}

/// <summary>A school, college, enterprise, association or research centre, located in one county.</summary>
public sealed class Institution : Organisation
{
    public const int AddressMaxLength = 300;
    public const int PersonMaxLength = 100;
    public const int PhoneMaxLength = 40;
    public const int WebsiteMaxLength = 300;

    public InstitutionKind Kind { get; private set; }
    public Ownership Ownership { get; private set; }
    public string? Address { get; private set; }

    /// <summary>The principal of a school, or the legal representative of an enterprise.</summary>
    public string? Head { get; private set; }

    public string? ContactPhone { get; private set; }

    /// <summary>The institution's own website (an http or https address), shown on its public profile.</summary>
    public string? Website { get; private set; }

    /// <summary>统一社会信用代码, checked against its GB 32100-2015 check character.</summary>
    public string? CreditCode { get; private set; }

    public int? FoundedYear { get; private set; }
    public int? Enrolment { get; private set; }

    public bool IsSchool => Kind is InstitutionKind.SecondaryVocationalSchool or InstitutionKind.HigherVocationalCollege
        or InstitutionKind.TechnicianSchool or InstitutionKind.UndergraduateUniversity;

    private Institution()
    {
    }

    public Institution(string name, string? nameEn, InstitutionKind kind, Ownership ownership, string regionCode,
        InstitutionProfile profile, int currentYear, bool isDemoPlaceholder = false)
        : base(OrganisationType.Institution, name, nameEn, regionCode, isDemoPlaceholder)
    {
        Kind = kind;
        Ownership = ownership;
        SetProfile(profile, currentYear);
    }

    /// <summary>Changes everything a bureau (or the school's principal) may edit.</summary>
    public void Update(string name, string? nameEn, InstitutionKind kind, Ownership ownership, string regionCode,
        InstitutionProfile profile, int currentYear)
    {
        Rename(name, nameEn);
        Kind = kind;
        Ownership = ownership;
        if (regionCode != RegionCode)
        {
            MoveTo(regionCode);
        }
        SetProfile(profile, currentYear);
    }

    /// <summary>The fields of the registry entry, which only the school's bureau keeps: who and where the institution
    /// is. Everything else is its profile, which its principal may keep up to date too.</summary>
    public static IReadOnlySet<string> RegistryFields { get; } =
        new HashSet<string> { nameof(Name), nameof(NameEn), nameof(Kind), nameof(Ownership), nameof(RegionCode), nameof(CreditCode) };

    /// <summary>Which fields <see cref="Update"/> with these values would change (compared as they would be stored).</summary>
    public IReadOnlySet<string> ChangedFields(string name, string? nameEn, InstitutionKind kind, Ownership ownership,
        string regionCode, InstitutionProfile profile)
    {
        var changed = new HashSet<string>();
        void Compare<TValue>(string field, TValue stored, TValue given)
        {
            if (!EqualityComparer<TValue>.Default.Equals(stored, given))
            {
                changed.Add(field);
            }
        }
        static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        Compare(nameof(Name), Name, Clean(name));
        Compare(nameof(NameEn), NameEn, Clean(nameEn));
        Compare(nameof(Kind), Kind, kind);
        Compare(nameof(Ownership), Ownership, ownership);
        Compare(nameof(RegionCode), RegionCode, regionCode);
        Compare(nameof(CreditCode), CreditCode, Clean(profile.CreditCode)?.ToUpperInvariant());
        Compare(nameof(Address), Address, Clean(profile.Address));
        Compare(nameof(Head), Head, Clean(profile.Head));
        Compare(nameof(ContactPhone), ContactPhone, Clean(profile.ContactPhone));
        Compare(nameof(Website), Website, Clean(profile.Website));
        Compare(nameof(FoundedYear), FoundedYear, profile.FoundedYear);
        Compare(nameof(Enrolment), Enrolment, profile.Enrolment);
        return changed;
    }

    private void SetProfile(InstitutionProfile profile, int currentYear)
    {
        Address = Text.Optional(profile.Address, AddressMaxLength, nameof(Address));
        Head = Text.Optional(profile.Head, PersonMaxLength, nameof(Head));
        ContactPhone = Text.Optional(profile.ContactPhone, PhoneMaxLength, nameof(ContactPhone));
        var website = Text.Optional(profile.Website, WebsiteMaxLength, nameof(Website));
        if (website is not null && !(Uri.TryCreate(website, UriKind.Absolute, out var address)
                                     && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp)))
        {
            throw new DomainException("Institution.WebsiteInvalid", nameof(Website));
        }
        Website = website;
        var code = profile.CreditCode?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(code) && !UnifiedSocialCreditCode.IsValid(code))
        {
            throw new DomainException("Institution.CreditCodeInvalid", nameof(CreditCode));
        }
        CreditCode = string.IsNullOrEmpty(code) ? null : code;
        if (profile.FoundedYear is { } year && (year < 1800 || year > currentYear))
        {
            throw new DomainException("Institution.FoundedYearOutOfRange", nameof(FoundedYear), 1800, currentYear);
        }
        FoundedYear = profile.FoundedYear;
        if (profile.Enrolment is < 0)
        {
            throw new DomainException("Validation.NotNegative", nameof(Enrolment));
        }
        Enrolment = profile.Enrolment;
    }
}

/// <summary>The optional details of an institution, as entered.</summary>
public sealed record InstitutionProfile(
    string? Address = null,
    string? Head = null,
    string? ContactPhone = null,
    string? CreditCode = null,
    int? FoundedYear = null,
    int? Enrolment = null,
    string? Website = null);
