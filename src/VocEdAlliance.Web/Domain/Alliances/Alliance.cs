using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.Web.Domain.Alliances;

public enum AllianceKind
{
    VocationalEducationUnion,
    VocationalEducationGroup,
    IndustryEducationAlliance,
    CollaborationProgramme,
}

public enum FocusArea
{
    EducationAndResearch,
    RedResearchPractice,
    VocationalEducationDevelopment,
    TeacherTraining,
    IndustryEducationIntegration,
    PovertyAlleviation,
}

public enum MemberRole
{
    Lead,
    Secretariat,
    Member,
    Observer,
}

/// <summary>An organisation joining, as it stood then.</summary>
public sealed record MemberTerms(Guid OrganisationId, string OrganisationName, OrganisationType Type, string RegionCode,
    MemberRole Role, PartialDate? JoinedOn);

/// <summary>联盟 / 职教集团 / 联合会 / 协作计划: visible to the bureaus of every member's region and to the members.</summary>
public sealed class Alliance : IAccessControlled
{
    public const int NameMaxLength = 200;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Name { get; private set; } = string.Empty;
    public string? NameEn { get; private set; }
    public AllianceKind Kind { get; private set; }
    public List<FocusArea> FocusAreas { get; private set; } = [];
    /// <summary>The first day of the period the founding date names (<see cref="FoundedOnPrecision"/>: a day, a month
    /// or a year, as precise as the source).</summary>
    public DateOnly? FoundedOn { get; private set; }
    public DatePrecision FoundedOnPrecision { get; private set; }

    public PartialDate? Founded => FoundedOn is { } day ? new PartialDate(day, FoundedOnPrecision) : null;
    public Guid? ParentAllianceId { get; private set; }
    public string? Description { get; private set; }
    public bool IsDemoPlaceholder { get; private set; }
    public List<string> AccessKeys { get; private set; } = [];
    public uint Version { get; private set; }

    private readonly List<AllianceMember> members = [];
    public IReadOnlyList<AllianceMember> Members => members;

    private Alliance()
    {
    }

    public Alliance(string name, string? nameEn, AllianceKind kind, IEnumerable<FocusArea> focusAreas, PartialDate? foundedOn,
        Guid? parentAllianceId, string? description, MemberTerms lead, bool isDemoPlaceholder = false)
    {
        ChangeDetails(name, nameEn, kind, focusAreas, foundedOn, parentAllianceId, description);
        IsDemoPlaceholder = isDemoPlaceholder;
        Join(lead with { Role = MemberRole.Lead });
    }

    public void ChangeDetails(string name, string? nameEn, AllianceKind kind, IEnumerable<FocusArea> focusAreas,
        PartialDate? foundedOn, Guid? parentAllianceId, string? description)
    {
        var trimmed = Text.Required(name, nameof(Name), NameMaxLength);
        if (parentAllianceId == Id)
        {
            throw new DomainException("Alliance.OwnParent", nameof(ParentAllianceId));
        }
        Name = trimmed;
        NameEn = Text.Optional(nameEn, NameMaxLength, nameof(NameEn));
        Kind = kind;
        FocusAreas = [.. focusAreas.Distinct().Order()];
        var founded = foundedOn is { } known ? new PartialDate(BusinessDates.Check(known.Start, nameof(FoundedOn)), known.Precision) : (PartialDate?)null;
        FoundedOn = founded?.Start;
        FoundedOnPrecision = founded?.Precision ?? DatePrecision.Day;
        ParentAllianceId = parentAllianceId;
        Description = Text.Optional(description, 4000, nameof(Description));
    }

    public AllianceMember Join(MemberTerms terms)
    {
        if (members.Any(m => m.OrganisationId == terms.OrganisationId && m.LeftOn is null))
        {
            throw new DomainException("Alliance.AlreadyMember", "Organisation");
        }
        if (terms.Role == MemberRole.Lead && members.Any(m => m.Role == MemberRole.Lead && m.LeftOn is null))
        {
            throw new DomainException("Alliance.OneLead", "Role");
        }
        var member = new AllianceMember(this, terms);
        members.Add(member);
        AccessKeys = Access.AccessKeys.Union(members.Select(m => (m.OrganisationId, m.RegionCode)));
        return member;
    }

    /// <summary>A member leaves: the membership stays in the history (and keeps the alliance visible to it).</summary>
    public void Leave(Guid memberId, DateOnly leftOn)
    {
        var member = members.SingleOrDefault(m => m.Id == memberId) ?? throw new DomainException("Alliance.NoSuchMember");
        member.LeaveOn(leftOn);
    }

    public AllianceMember? Lead => members.FirstOrDefault(m => m.Role == MemberRole.Lead && m.LeftOn is null);
}

public sealed class AllianceMember : IAccessControlledPart
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid AllianceId { get; private set; }
    public Alliance Alliance { get; private set; } = null!;
    public Guid OrganisationId { get; private set; }
    public string OrganisationName { get; private set; } = string.Empty;
    public OrganisationType OrganisationType { get; private set; }
    public string RegionCode { get; private set; } = string.Empty;
    public MemberRole Role { get; private set; }
    public DateOnly? JoinedOn { get; private set; }
    public DatePrecision JoinedOnPrecision { get; private set; }

    /// <summary>When the member joined, as precise as the source.</summary>
    public PartialDate? Joined => JoinedOn is { } day ? new PartialDate(day, JoinedOnPrecision) : null;
    public DateOnly? LeftOn { get; private set; }

    private AllianceMember()
    {
    }

    internal AllianceMember(Alliance alliance, MemberTerms terms)
    {
        Alliance = alliance;
        AllianceId = alliance.Id;
        OrganisationId = terms.OrganisationId;
        OrganisationName = terms.OrganisationName;
        OrganisationType = terms.Type;
        RegionCode = terms.RegionCode;
        Role = terms.Role;
        var joined = terms.JoinedOn is { } known ? new PartialDate(BusinessDates.Check(known.Start, nameof(JoinedOn)), known.Precision) : (PartialDate?)null;
        JoinedOn = joined?.Start;
        JoinedOnPrecision = joined?.Precision ?? DatePrecision.Day;
    }

    internal void LeaveOn(DateOnly leftOn)
    {
        if (LeftOn is not null)
        {
            throw new DomainException("Alliance.AlreadyLeft");
        }
        BusinessDates.Check(leftOn, nameof(LeftOn));
        if (JoinedOn is { } joined && leftOn < joined)
        {
            throw new DomainException("Alliance.LeavesBeforeJoining", nameof(LeftOn));
        }
        LeftOn = leftOn;
    }

    public IEnumerable<IAccessControlled?> Owners => [Alliance];
}
