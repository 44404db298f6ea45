using System.ComponentModel.DataAnnotations;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Alliances;

namespace VocEdAlliance.Web.Pages.Alliances;

public sealed class AllianceInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Alliance.NameMaxLength, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.Name")]
    public string? Name { get; set; }

    [StringLength(Alliance.NameMaxLength, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.NameEn")]
    public string? NameEn { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.AllianceKind")]
    public AllianceKind? Kind { get; set; }

    [Display(Name = "Field.FocusAreas")]
    public List<FocusArea> FocusAreas { get; set; } = [];

    [Display(Name = "Field.FoundedOn")]
    public PartialDate? FoundedOn { get; set; }

    [Display(Name = "Field.ParentAlliance")]
    public Guid? ParentAllianceId { get; set; }

    [StringLength(4000, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.Description")]
    public string? Description { get; set; }

    /// <summary>On creation only: the lead organisation, typed like an agreement party.</summary>
    [Display(Name = "Field.LeadOrganisation")]
    public string? Lead { get; set; }

    public uint Version { get; set; }

    public static AllianceInput From(Alliance a) => new()
    {
        Name = a.Name, NameEn = a.NameEn, Kind = a.Kind, FocusAreas = [.. a.FocusAreas], FoundedOn = a.Founded,
        ParentAllianceId = a.ParentAllianceId, Description = a.Description, Version = a.Version,
    };
}

/// <summary>Adding a member on the alliance's page.</summary>
public sealed class MemberInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.MemberOrganisation")]
    public string? Organisation { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.MemberRole")]
    public MemberRole? Role { get; set; }

    [Display(Name = "Field.JoinedOn")]
    public PartialDate? JoinedOn { get; set; }
}
