using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.Web.Pages.Partners;

/// <summary>An agreement partner's public profile: name, kind, region, credit code, head and website, and the agreements the
/// user shares with it. Open to a user who may see an agreement the organisation is a party to (a principal's pairing
/// partner in another province, a counterpart bureau's school); 404 to anyone else, exactly as a record that does not
/// exist. A user who may see the institution itself is sent to its page.</summary>
public class ProfileModel(AppDbContext db, RegionDirectory regions) : PageModel
{
    public sealed record Identity(Guid Id, string Name, string? NameEn, OrganisationType Type, InstitutionKind? Kind, string RegionCode,
        string? CreditCode, string? Head, string? Website);

    public sealed record SharedAgreement(Guid Id, string Title, DateOnly EffectiveFrom, Domain.DatePrecision EffectiveFromPrecision)
    {
        public Domain.PartialDate Effective => new(EffectiveFrom, EffectiveFromPrecision);
    }

    public Identity Organisation { get; private set; } = null!;
    public string RegionPath { get; private set; } = string.Empty;
    public IReadOnlyList<SharedAgreement> Agreements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await db.Institutions.AnyAsync(i => i.Id == id))
        {
            return RedirectToPage("/Institutions/Details", new { id });
        }
        // The agreements the user may see (the access filter applies) that name it as a party.
        Agreements = await db.Agreements.AsNoTracking().Where(a => a.Parties.Any(p => p.OrganisationId == id))
            .OrderByDescending(a => a.EffectiveFrom).ThenBy(a => a.Id).Take(50)
            .Select(a => new SharedAgreement(a.Id, a.Title, a.EffectiveFrom, a.EffectiveFromPrecision)).ToListAsync();
        var found = Agreements.Count == 0 ? null : await db.Organisations.IgnoreQueryFilters([AppDbContext.AccessFilter]).AsNoTracking()
            .Where(o => o.Id == id)
            .Select(o => new Identity(o.Id, o.Name, o.NameEn, o.Type, o is Institution ? ((Institution)o).Kind : null, o.RegionCode,
                o is Institution ? ((Institution)o).CreditCode : null, o is Institution ? ((Institution)o).Head : null,
                o is Institution ? ((Institution)o).Website : null))
            .SingleOrDefaultAsync();
        if (found is null)
        {
            return NotFound();
        }
        Organisation = found;
        RegionPath = await regions.PathAsync(found.RegionCode, CultureInfo.CurrentUICulture);
        return Page();
    }
}
