using System.ComponentModel.DataAnnotations;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Programmes;

namespace VocEdAlliance.Web.Pages.Programmes;

/// <summary>What the programme form binds.</summary>
public sealed class ProgrammeInput
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(Programme.NameMaxLength, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.ProgrammeName")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.ProgrammeLevel")]
    public ProgrammeLevel? Level { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(6, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.CatalogueCode")]
    public string? CatalogueCode { get; set; }

    [Range(BusinessDates.EarliestYear, BusinessDates.LatestYear, ErrorMessage = "Validation.Range"), Display(Name = "Field.OpenedIn")]
    public int? OpenedIn { get; set; }

    [Range(BusinessDates.EarliestYear, BusinessDates.LatestYear, ErrorMessage = "Validation.Range"), Display(Name = "Field.ClosedIn")]
    public int? ClosedIn { get; set; }

    [StringLength(Programme.ReasonMaxLength, ErrorMessage = "Validation.StringLength"), Display(Name = "Field.ClosedReason")]
    public string? ClosedReason { get; set; }

    [Range(BusinessDates.EarliestYear, BusinessDates.LatestYear, ErrorMessage = "Validation.Range"), Display(Name = "Field.DownsizedIn")]
    public int? DownsizedIn { get; set; }

    [StringLength(Programme.ReasonMaxLength, ErrorMessage = "Validation.StringLength"), Display(Name = "Field.DownsizedReason")]
    public string? DownsizedReason { get; set; }

    [Display(Name = "Field.KeyIndustry")]
    public Guid? KeyIndustryId { get; set; }

    public List<YearInput> Years { get; set; } = [];

    public uint Version { get; set; }

    /// <summary>One year's figures (a blank row is none).</summary>
    public sealed class YearInput
    {
        [Range(BusinessDates.EarliestYear, BusinessDates.LatestYear, ErrorMessage = "Validation.Range"), Display(Name = "Field.Year")]
        public int? Year { get; set; }

        [Range(0, Programme.MaxPeople, ErrorMessage = "Validation.Range"), Display(Name = "Field.ProgrammeEnrolment")]
        public long? Enrolment { get; set; }

        [Range(0, Programme.MaxPeople, ErrorMessage = "Validation.Range"), Display(Name = "Field.Graduates")]
        public long? Graduates { get; set; }

        [Range(0, Programme.MaxPeople, ErrorMessage = "Validation.Range"), Display(Name = "Field.Employed")]
        public long? Employed { get; set; }

        [Range(0, Programme.MaxPeople, ErrorMessage = "Validation.Range"), Display(Name = "Field.EmployedLocally")]
        public long? EmployedLocally { get; set; }

        public bool IsBlank => Year is null && Enrolment is null && Graduates is null && Employed is null && EmployedLocally is null;
    }

    public static ProgrammeInput From(Programme programme) => new()
    {
        Name = programme.Name, Level = programme.Level, CatalogueCode = programme.CatalogueCode, OpenedIn = programme.OpenedIn,
        ClosedIn = programme.ClosedIn, ClosedReason = programme.ClosedReason, DownsizedIn = programme.DownsizedIn,
        DownsizedReason = programme.DownsizedReason, KeyIndustryId = programme.KeyIndustryId, Version = programme.Version,
        Years = [.. programme.Years.Select(y => new YearInput
        {
            Year = y.Year, Enrolment = y.Enrolment, Graduates = y.Graduates, Employed = y.Employed, EmployedLocally = y.EmployedLocally,
        })],
    };

    /// <summary>The details, once the form's own checks passed (the ranges make every number fit).</summary>
    public ProgrammeDetails ToDetails() => new(Name!, Level!.Value, CatalogueCode!, OpenedIn, ClosedIn, ClosedReason, DownsizedIn, DownsizedReason,
        KeyIndustryId,
        [.. Years.Where(y => !y.IsBlank && y.Year is not null).Select(y => new ProgrammeYear(y.Year!.Value, (int?)y.Enrolment, (int?)y.Graduates,
            (int?)y.Employed, (int?)y.EmployedLocally))]);
}
