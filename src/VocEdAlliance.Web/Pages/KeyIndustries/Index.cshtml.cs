using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Programmes;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.KeyIndustries;

/// <summary>Key industries (重点产业) by region: everyone reads them; a bureau names those of its jurisdiction's regions
/// and changes them (<c>?id=</c> fills the form with one to change).</summary>
public class IndexModel(AppDbContext db, RegionDirectory regions, IAuthorizationService authorization, TimeProvider clock,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(Guid Id, string RegionCode, string Region, string Name, int FromYear, int? ToYear, bool MayChange);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Field.Region")]
        public string? Region { get; set; }

        [Required(ErrorMessage = "Validation.Required"), StringLength(KeyIndustry.NameMaxLength, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Field.KeyIndustry")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Validation.Required"), Range(BusinessDates.EarliestYear, BusinessDates.LatestYear, ErrorMessage = "Validation.Range")]
        [Display(Name = "Field.FromYear")]
        public int? FromYear { get; set; }

        [Range(BusinessDates.EarliestYear, BusinessDates.LatestYear, ErrorMessage = "Validation.Range"), Display(Name = "Field.ToYear")]
        public int? ToYear { get; set; }

        public uint Version { get; set; }
    }

    /// <summary>The region whose key industries are listed (a code or a name; with the regions below it).</summary>
    [BindProperty(SupportsGet = true, Name = "region")] public string? RegionFilter { get; set; }

    /// <summary>The key industry being changed, if any.</summary>
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }

    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>This rendering of the form (see <see cref="SubmitOnce"/>): a second press names one key industry.</summary>
    [BindProperty] public Guid FormToken { get; set; } = SubmitOnce.NewToken();

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool MayName { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            if (await db.KeyIndustries.SingleOrDefaultAsync(k => k.Id == id) is not { } industry)
            {
                return NotFound();
            }
            if (!KeyIndustryAuthorizationHandler.Governs(db.Access, industry) || !db.Access.MayWrite)
            {
                return Forbid(); // seen by all, changed by its region's bureaus
            }
            Input = new InputModel { Region = industry.RegionCode, Name = industry.Name, FromYear = industry.FromYear, ToYear = industry.ToYear, Version = industry.Version };
        }
        await ListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!MayNameKeyIndustries())
        {
            return Forbid();
        }
        if (Id is null && await this.RepeatAsync(db, FormToken) is { } repeat)
        {
            return repeat;
        }
        // A province or prefecture may be given by its short code (43, 4310) as well as its six digits or its name.
        var typedRegion = Input.Region?.Trim();
        var region = await regions.ResolveAnyAsync(typedRegion is { Length: 2 or 4 } shortCode && shortCode.All(char.IsAsciiDigit)
            ? Domain.Regions.RegionCode.OfPrefix(shortCode) : typedRegion);
        if (Input.Region is not null && region is null)
        {
            ModelState.AddModelError($"Input.{nameof(Input.Region)}", t["Reference.RegionNotFound"]);
        }
        if (!ModelState.IsValid)
        {
            await ListAsync();
            return Page();
        }
        KeyIndustry? industry;
        try
        {
            if (Id is { } id)
            {
                industry = await db.KeyIndustries.SingleOrDefaultAsync(k => k.Id == id);
                if (industry is null)
                {
                    return NotFound();
                }
                db.Entry(industry).Property(k => k.Version).OriginalValue = Input.Version;
                industry.Change(Input.Name!, Input.FromYear!.Value, Input.ToYear);
            }
            else
            {
                industry = new KeyIndustry(region!.Code, Input.Name!, Input.FromYear!.Value, Input.ToYear);
                if (await db.KeyIndustries.AnyAsync(k => k.RegionCode == industry.RegionCode && k.Name == industry.Name))
                {
                    ModelState.AddModelError($"Input.{nameof(Input.Name)}", t["KeyIndustry.NameTwice"]);
                    await ListAsync();
                    return Page();
                }
                db.KeyIndustries.Add(industry);
            }
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(refusal, t);
            await ListAsync();
            return Page();
        }
        if (!(await authorization.AuthorizeAsync(User, industry, Id is null ? Operations.Create : Operations.Update)).Succeeded)
        {
            ModelState.AddModelError($"Input.{nameof(Input.Region)}", t["KeyIndustry.OutsideJurisdiction"]);
            db.ChangeTracker.Clear();
            await ListAsync();
            return Page();
        }
        try
        {
            if (Id is null && await this.SaveOnceAsync(db, FormToken, Url.Page("/KeyIndustries/Index", new { region = RegionFilter })!, clock) is { } repeated)
            {
                return repeated;
            }
            if (Id is not null)
            {
                await db.SaveChangesAsync();
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Concurrency.Changed"]);
            db.ChangeTracker.Clear();
            await ListAsync();
            return Page();
        }
        TempData["StatusMessage"] = t["Common.Saved"].Value;
        return RedirectToPage(new { region = RegionFilter });
    }

    private bool MayNameKeyIndustries() =>
        db.Access.MayWrite && (User.IsInRole(Roles.SystemAdmin) || User.IsInRole(Roles.BureauAdmin) || User.IsInRole(Roles.BureauStaff));

    private async Task ListAsync()
    {
        var scope = db.Access;
        MayName = MayNameKeyIndustries();
        var query = db.KeyIndustries.AsNoTracking();
        if (await regions.ResolveAnyAsync(RegionFilter) is { } region)
        {
            var prefix = Domain.Regions.RegionCode.JurisdictionPrefix(region.Code);
            query = query.Where(k => k.RegionCode.StartsWith(prefix));
        }
        else if (!string.IsNullOrWhiteSpace(RegionFilter))
        {
            ModelState.AddModelError("region", t["Reference.RegionNotFound"]);
        }
        var found = await query.OrderBy(k => k.RegionCode).ThenBy(k => k.Name).Take(500).ToListAsync();
        var rows = new List<Row>();
        foreach (var k in found)
        {
            rows.Add(new Row(k.Id, k.RegionCode, await regions.PathAsync(k.RegionCode, System.Globalization.CultureInfo.CurrentUICulture), k.Name, k.FromYear,
                k.ToYear, MayName && KeyIndustryAuthorizationHandler.Governs(scope, k)));
        }
        Rows = rows;
    }
}
