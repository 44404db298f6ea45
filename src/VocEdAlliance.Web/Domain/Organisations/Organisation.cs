using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Regions;

namespace VocEdAlliance.Web.Domain.Organisations;

public enum OrganisationType
{
    Ministry,
    EducationBureau,
    Institution,
}

/// <summary>Anyone who signs agreements or joins alliances: the Ministry, an education bureau, or an institution.</summary>
public abstract class Organisation : IAccessControlled
{
    public const int NameMaxLength = 200;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public OrganisationType Type { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string? NameEn { get; private set; }

    /// <summary>Where it is: a bureau's region is its jurisdiction; an institution's is its county.</summary>
    public string RegionCode { get; private set; } = string.Empty;

    public List<string> AccessKeys { get; private set; } = [];

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    /// <summary>Placeholder organisations invented by the demo data where the sources give no name.</summary>
    public bool IsDemoPlaceholder { get; private set; }

    protected Organisation()
    {
    }

    protected Organisation(OrganisationType type, string name, string? nameEn, string regionCode, bool isDemoPlaceholder)
    {
        Type = type;
        Rename(name, nameEn);
        MoveTo(regionCode);
        IsDemoPlaceholder = isDemoPlaceholder;
    }

    protected void Rename(string name, string? nameEn)
    {
        Name = Text.Required(name, nameof(Name), NameMaxLength);
        NameEn = Text.Optional(nameEn, NameMaxLength, nameof(NameEn));
    }

    protected void MoveTo(string regionCode)
    {
        RegionCode = Regions.RegionCode.Validate(regionCode);
        AccessKeys = [.. Access.AccessKeys.For(Id, RegionCode)];
    }
}

/// <summary>教育部: reads everything; changes no records.</summary>
public sealed class Ministry : Organisation
{
    private Ministry()
    {
    }

    public Ministry(string name, string? nameEn, string regionCode)
        : base(OrganisationType.Ministry, name, nameEn, regionCode, isDemoPlaceholder: false)
    {
    }
}

/// <summary>An education bureau (教育厅 / 教委 / 教育局): its jurisdiction is its region and everything below it.</summary>
public sealed class EducationBureau : Organisation
{
    private EducationBureau()
    {
    }

    public EducationBureau(string name, string? nameEn, string regionCode, bool isDemoPlaceholder = false)
        : base(OrganisationType.EducationBureau, name, nameEn, regionCode, isDemoPlaceholder)
    {
    }

    /// <summary>The access key every record in the jurisdiction carries (<c>r:4301</c> for Changsha).</summary>
    public string JurisdictionKey => Access.AccessKeys.ForJurisdiction(RegionCode);
}
