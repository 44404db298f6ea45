using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Activities;

public class DetailsModel(AppDbContext db, IAuthorizationService authorization) : PageModel
{
    public CooperationActivity? Activity { get; private set; }
    public string? AgreementTitle { get; private set; }
    public string? AllianceName { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Activity = await db.Activities.AsNoTracking().Include(a => a.Agreement).Include(a => a.Alliance)
            .SingleOrDefaultAsync(a => a.Id == id);
        if (Activity is null)
        {
            return NotFound();
        }
        AgreementTitle = Activity.Agreement?.Title;
        AllianceName = Activity.Alliance?.Name;
        CanEdit = (await authorization.AuthorizeAsync(User, Activity, Operations.Update)).Succeeded;
        return Page();
    }
}
