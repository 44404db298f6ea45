using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Institutions;

public class DetailsModel(AppDbContext db, RegionDirectory regions, IAuthorizationService authorization) : PageModel
{
    public Institution? Institution { get; private set; }

    /// <summary>The reader's scope (who keeps this school's programmes).</summary>
    public Security.AccessScope Access => db.Access;
    public string RegionPath { get; private set; } = string.Empty;
    public bool CanEdit { get; private set; }

    /// <summary>Which part of its cooperation is shown (agreements unless the address says), and its page.</summary>
    [BindProperty(SupportsGet = true)] public Cooperation.CooperationSection Show { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyDictionary<Cooperation.CooperationSection, int> Counts { get; private set; } = new Dictionary<Cooperation.CooperationSection, int>();
    public PageOf<Cooperation.AgreementRow>? Agreements { get; private set; }
    public PageOf<Cooperation.AllianceRow>? Alliances { get; private set; }
    public PageOf<Cooperation.ActivityRow>? Activities { get; private set; }
    public PageOf<Cooperation.PlanRow>? Plans { get; private set; }
    public PageOf<Cooperation.PartnerRow>? Partners { get; private set; }

    /// <summary>Where each partner on the page is, by region code ("贵州省 › 遵义市 › 红花岗区").</summary>
    public Dictionary<string, string> PartnerRegions { get; } = [];

    /// <summary>The address of this page for a section (and its first page).</summary>
    public Dictionary<string, string> QueryFor(Cooperation.CooperationSection section) =>
        section == Cooperation.CooperationSection.Agreements ? [] : new() { ["show"] = section.ToString() };

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Institution = await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
        if (Institution is null)
        {
            return NotFound();
        }
        RegionPath = await regions.PathAsync(Institution.RegionCode, CultureInfo.CurrentUICulture);
        CanEdit = (await authorization.AuthorizeAsync(User, Institution, Operations.Update)).Succeeded;
        if (!Enum.IsDefined(Show))
        {
            Show = Cooperation.CooperationSection.Agreements;
        }
        Counts = await Cooperation.CountsAsync(db, id);
        switch (Show)
        {
            case Cooperation.CooperationSection.Alliances: Alliances = await Cooperation.AlliancesAsync(db, id, PageNumber); break;
            case Cooperation.CooperationSection.Activities: Activities = await Cooperation.ActivitiesAsync(db, id, PageNumber); break;
            case Cooperation.CooperationSection.Plans: Plans = await Cooperation.PlansAsync(db, id, PageNumber); break;
            case Cooperation.CooperationSection.Partners:
                Partners = await Cooperation.PartnersAsync(db, id, PageNumber);
                foreach (var code in Partners.Items.Select(p => p.RegionCode).Distinct())
                {
                    PartnerRegions[code] = await regions.PathAsync(code, CultureInfo.CurrentUICulture);
                }
                break;
            default: Agreements = await Cooperation.AgreementsAsync(db, id, PageNumber); break;
        }
        return Page();
    }
}
