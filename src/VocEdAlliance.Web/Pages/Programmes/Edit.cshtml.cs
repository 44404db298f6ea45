using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Programmes;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Programmes;

/// <summary>Records a programme of a school (<c>?school=</c>) or changes one (<c>/Programmes/Edit/{id}</c>), for the
/// school's bureau and principal; the key industries offered are those of the school's region and the regions above it.</summary>
public class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "school")] public Guid? SchoolId { get; set; }
    [BindProperty] public ProgrammeInput Input { get; set; } = new();

    /// <summary>This rendering of the form (see <see cref="SubmitOnce"/>).</summary>
    [BindProperty] public Guid FormToken { get; set; } = SubmitOnce.NewToken();

    public string SchoolName { get; private set; } = string.Empty;
    public bool MayChange { get; private set; }
    public IReadOnlyList<(Guid Id, string Name, string Years)> KeyIndustries { get; private set; } = [];
    public ProgrammeInput? Conflict { get; private set; }

    /// <summary>Where the form posts: this programme, or a new one of this school (never the address of a row button).</summary>
    public string FormUrl => Url.Content(Id is { } id ? $"~/Programmes/Edit/{id}" : $"~/Programmes/Edit?school={SchoolId}");

    /// <summary>Where the "add a year" button posts.</summary>
    public string RowsUrl => FormUrl + (FormUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=Rows";

    private async Task<(Institution? School, Programme? Programme)> LoadAsync()
    {
        var programme = Id is { } id ? await db.Programmes.SingleOrDefaultAsync(p => p.Id == id) : null;
        if (Id is not null && programme is null)
        {
            return (null, null);
        }
        var schoolId = programme?.InstitutionId ?? SchoolId;
        var school = schoolId is { } sid ? await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == sid) : null;
        if (school is not { IsSchool: true })
        {
            return (null, null); // only a school has programmes
        }
        SchoolName = school.Name;
        MayChange = ProgrammeAuthorizationHandler.KeepsProgrammesOf(User, db.Access, school.Id);
        KeyIndustries = (await KeyIndustryOptions.ForRegionAsync(db, school.RegionCode))
            .Select(k => (k.Id, k.Name, $"{k.FromYear}–{k.ToYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty}")).ToList();
        return (school, programme);
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var (school, programme) = await LoadAsync();
        if (school is null)
        {
            return NotFound();
        }
        if (programme is not null)
        {
            Input = ProgrammeInput.From(programme);
        }
        else if (!MayChange)
        {
            return Forbid();
        }
        return Page();
    }

    /// <summary>Adds a row for a year's figures; nothing is saved.</summary>
    public async Task<IActionResult> OnPostRowsAsync()
    {
        var (school, _) = await LoadAsync();
        if (school is null)
        {
            return NotFound();
        }
        if (!MayChange)
        {
            return Forbid();
        }
        ModelState.Clear();
        Input.Years.Add(new ProgrammeInput.YearInput());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Id is null && await this.RepeatAsync(db, FormToken) is { } repeat)
        {
            return repeat;
        }
        var (school, programme) = await LoadAsync();
        if (school is null)
        {
            return NotFound();
        }
        if (!MayChange)
        {
            return Forbid();
        }
        if (Input.KeyIndustryId is { } industry && KeyIndustries.All(k => k.Id != industry))
        {
            ModelState.AddModelError($"Input.{nameof(Input.KeyIndustryId)}", t["Programme.KeyIndustryNotFound"]);
        }
        if (Input.CatalogueCode?.Trim() is { Length: > 0 } code
            && await db.Programmes.AnyAsync(p => p.InstitutionId == school.Id && p.CatalogueCode == code && p.Id != Id))
        {
            ModelState.AddModelError($"Input.{nameof(Input.CatalogueCode)}", t["Programme.CodeTwice"]);
        }
        for (var i = 0; i < Input.Years.Count; i++)
        {
            if (!Input.Years[i].IsBlank && Input.Years[i].Year is null)
            {
                ModelState.AddModelError($"Input.Years[{i}].Year", t["Validation.Required", t["Field.Year"]]);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            if (programme is null)
            {
                programme = Programme.Create(school, Input.ToDetails());
                db.Programmes.Add(programme);
            }
            else
            {
                db.Entry(programme).Property(p => p.Version).OriginalValue = Input.Version;
                programme.Change(Input.ToDetails());
                db.Entry(programme).Property(p => p.Name).IsModified = true;
            }
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(refusal, t);
            return Page();
        }
        try
        {
            if (Id is null && await this.SaveOnceAsync(db, FormToken, Url.Page("/Programmes/Edit", new { id = programme.Id })!,
                    clock) is { } repeated)
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
            if (await this.StoredAfterConflictAsync(db, () => db.Programmes.SingleOrDefaultAsync(p => p.Id == Id)) is not { } current)
            {
                return NotFound();
            }
            Conflict = ProgrammeInput.From(current);
            Input.Version = current.Version;
            return Page();
        }
        TempData["StatusMessage"] = t["Common.Saved"].Value;
        return RedirectToPage("/Programmes/Index", new { school = school.Id });
    }
}
