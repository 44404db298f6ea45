using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using VocEdAlliance.Web.Security;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Pages.Shared;

namespace VocEdAlliance.Web.Pages.Institutions;

/// <summary>What checking an institution's values needs: the database (credit codes), the regions, the user and their
/// authorization, the year (a founding year may not be in the future), the words.</summary>
public sealed record InstitutionRules(AppDbContext Db, RegionDirectory Regions, IAuthorizationService Authorization,
    ClaimsPrincipal User, int CurrentYear, IStringLocalizer T);

/// <summary>What the create and edit forms bind. The entity is never bound; the page hands these values to a domain
/// method, which has the last word on the rules.</summary>
public sealed class InstitutionInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(Organisation.NameMaxLength, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.Name")]
    public string? Name { get; set; }

    [StringLength(Organisation.NameMaxLength, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.NameEn")]
    public string? NameEn { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.InstitutionKind")]
    public InstitutionKind? Kind { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.Ownership")]
    public Ownership? Ownership { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.Region")]
    public string? Region { get; set; }

    [StringLength(Institution.AddressMaxLength, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.Address")]
    public string? Address { get; set; }

    [StringLength(Institution.PersonMaxLength, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.Head")]
    public string? Head { get; set; }

    [StringLength(Institution.PhoneMaxLength, ErrorMessage = "Validation.StringLength")]
    [RegularExpression(@"^[0-9+\-() ]*$", ErrorMessage = "Validation.Phone")]
    [Display(Name = "Field.ContactPhone")]
    public string? ContactPhone { get; set; }

    [StringLength(Institution.WebsiteMaxLength, ErrorMessage = "Validation.StringLength")]
    [Display(Name = "Field.Website")]
    public string? Website { get; set; }

    [StringLength(18, MinimumLength = 18, ErrorMessage = "Validation.CreditCodeLength")]
    [Display(Name = "Field.CreditCode")]
    public string? CreditCode { get; set; }

    [Range(1800, 2100, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.FoundedYear")]
    public int? FoundedYear { get; set; }

    [Range(0, 2_000_000, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.Enrolment")]
    public int? Enrolment { get; set; }

    /// <summary>The version the user started editing (concurrency token).</summary>
    public uint Version { get; set; }

    public InstitutionProfile Profile => new(Address, Head, ContactPhone, CreditCode, FoundedYear, Enrolment, Website);

    public static InstitutionInput From(Institution institution) => new()
    {
        Name = institution.Name,
        NameEn = institution.NameEn,
        Kind = institution.Kind,
        Ownership = institution.Ownership,
        Region = institution.RegionCode,
        Address = institution.Address,
        Head = institution.Head,
        ContactPhone = institution.ContactPhone,
        Website = institution.Website,
        CreditCode = institution.CreditCode,
        FoundedYear = institution.FoundedYear,
        Enrolment = institution.Enrolment,
        Version = institution.Version,
    };

    /// <summary>The region typed into the picker, as a code; an error next to the field when it is not a place.</summary>
    public async Task<string?> ResolveRegionAsync(RegionDirectory regions, ModelStateDictionary modelState, IStringLocalizer t)
    {
        var (code, error) = await regions.ResolveLocationAsync(Region);
        if (error is not null)
        {
            modelState.AddModelError($"Input.{nameof(Region)}", t[error, Region ?? string.Empty]);
        }
        return code;
    }

    /// <summary>A unified social credit code names one institution in the whole country: one already registered (in
    /// any jurisdiction; which one is not said) is refused next to the field.</summary>
    public async Task CheckCreditCodeFreeAsync(AppDbContext db, Guid? self, ModelStateDictionary modelState, IStringLocalizer t)
    {
        var code = CreditCode?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(code)
            && await db.Institutions.IgnoreQueryFilters().AnyAsync(i => i.CreditCode == code && i.Id != self))
        {
            modelState.AddModelError($"Input.{nameof(CreditCode)}", t["Institution.CreditCodeTaken"]);
        }
    }

    /// <summary>The one way typed values become a new institution — the create form and an import row alike: the
    /// region resolved, the credit code free, the domain's rules, the user's jurisdiction. Every refusal goes next to its
    /// field in <paramref name="errors"/> (keys <c>Input.{Property}</c>); null when anything was refused.</summary>
    public async Task<Institution?> CreateAsync(InstitutionRules rules, ModelStateDictionary errors)
    {
        var regionCode = await ResolveRegionAsync(rules.Regions, errors, rules.T);
        await CheckCreditCodeFreeAsync(rules.Db, null, errors, rules.T);
        if (!errors.IsValid || regionCode is null)
        {
            return null;
        }
        Institution institution;
        try
        {
            institution = new Institution(Name!, NameEn, Kind!.Value, Ownership!.Value, regionCode, Profile, rules.CurrentYear);
        }
        catch (DomainException refusal)
        {
            Show(refusal, errors, rules.T);
            return null;
        }
        if (!(await rules.Authorization.AuthorizeAsync(rules.User, institution, Operations.Create)).Succeeded)
        {
            errors.AddModelError($"Input.{nameof(Region)}", rules.T["Region.OutsideJurisdiction"]);
            return null;
        }
        return institution;
    }

    /// <summary>The one way typed values change an institution — the edit form and an import row alike: a principal
    /// changes the profile only, the registry fields are the bureau's; the same checks as <see cref="CreateAsync"/>.
    /// False (with the reasons in <paramref name="errors"/>) when anything was refused; the institution is then
    /// unchanged unless the domain refused halfway, which the caller's unsaved context discards.</summary>
    public async Task<bool> UpdateAsync(Institution institution, InstitutionRules rules, ModelStateDictionary errors)
    {
        var regionCode = await ResolveRegionAsync(rules.Regions, errors, rules.T);
        await CheckCreditCodeFreeAsync(rules.Db, institution.Id, errors, rules.T);
        if (!errors.IsValid || regionCode is null)
        {
            return false;
        }
        var change = new InstitutionChange(institution,
            institution.ChangedFields(Name!, NameEn, Kind!.Value, Ownership!.Value, regionCode, Profile));
        if (!(await rules.Authorization.AuthorizeAsync(rules.User, change, Operations.Update)).Succeeded)
        {
            foreach (var field in change.Fields.Where(Institution.RegistryFields.Contains))
            {
                errors.AddModelError($"Input.{(field == nameof(Institution.RegionCode) ? nameof(Region) : field)}", rules.T["Institution.RegistryFieldBureauOnly"]);
            }
            return false;
        }
        try
        {
            institution.Update(Name!, NameEn, Kind!.Value, Ownership!.Value, regionCode, Profile, rules.CurrentYear);
        }
        catch (DomainException broken)
        {
            Show(broken, errors, rules.T);
            return false;
        }
        if (!(await rules.Authorization.AuthorizeAsync(rules.User, institution, Operations.Update)).Succeeded)
        {
            errors.AddModelError($"Input.{nameof(Region)}", rules.T["Region.OutsideJurisdiction"]);
            return false;
        }
        return true;
    }

    /// <summary>A rule the domain refused, shown next to its field.</summary>
    public static void Show(DomainException refusal, ModelStateDictionary modelState, IStringLocalizer t) =>
        modelState.AddRefusal(refusal, t, new Dictionary<string, string> { ["RegionCode"] = nameof(Region) });
}
