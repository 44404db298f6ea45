using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Institutions;

public class DetailsModel(AppDbContext db, RegionDirectory regions, IAuthorizationService authorization) : PageModel
{
    public Institution? Institution { get; private set; }
    public string RegionPath { get; private set; } = string.Empty;
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
        if (Institution is null)
        {
            return NotFound();
        }
        RegionPath = await regions.PathAsync(Institution.RegionCode, CultureInfo.CurrentUICulture);
        CanEdit = (await authorization.AuthorizeAsync(User, Institution, Operations.Update)).Succeeded;
        return Page();
    }
}
