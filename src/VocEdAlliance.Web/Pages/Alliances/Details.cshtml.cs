using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Alliances;

/// <summary>An alliance with its members (who may be added or leave here), its agreements and its activities.</summary>
public class DetailsModel(AppDbContext db, RegionDirectory regions, IAuthorizationService authorization,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record MemberRow(Guid Id, string Name, MemberRole Role, string RegionPath, Domain.PartialDate? JoinedOn, DateOnly? LeftOn);
    public sealed record AgreementRow(Guid Id, string Title, AgreementStatus Status);
    public sealed record ActivityRow(Guid Id, string Title, ActivityKind Kind, Domain.PartialDate StartsOn);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public Alliance? Alliance { get; private set; }
    public string? ParentName { get; private set; }
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<AgreementRow> Agreements { get; private set; } = [];
    public IReadOnlyList<ActivityRow> Activities { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanRecordActivity { get; private set; }
    public IReadOnlyList<(Guid Id, int Year, Domain.Plans.PlanStatus Status)> Plans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddMemberAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        var found = string.IsNullOrWhiteSpace(Input.Organisation) ? null : await OrganisationLookup.FindAsync(db, Input.Organisation);
        if (found is null && !string.IsNullOrWhiteSpace(Input.Organisation))
        {
            ModelState.AddModelError($"Input.{nameof(Input.Organisation)}", t["Agreement.PartyNotFound", Input.Organisation.Trim()]);
        }
        if (!ModelState.IsValid || found is null)
        {
            return Page();
        }
        try
        {
            Alliance!.Join(new MemberTerms(found.Id, found.Name, found.Type, found.RegionCode, Input.Role!.Value, Input.JoinedOn));
            db.Entry(Alliance).Property(a => a.Name).IsModified = true;
            await db.SaveChangesAsync();
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(refusal, t, new Dictionary<string, string> { ["Organisation"] = nameof(Input.Organisation) });
            return Page();
        }
        TempData["StatusMessage"] = t["Alliances.MemberAdded", found.Name].Value;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostLeaveAsync(Guid memberId, DateOnly? leftOn)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        try
        {
            if (leftOn is null)
            {
                // A date the input rules refused says why; none at all is "required".
                ModelState.AddModelError(string.Empty, ModelState[nameof(leftOn)]?.Errors.FirstOrDefault()?.ErrorMessage ?? t["Alliances.LeftOnRequired"]);
                return Page();
            }
            Alliance!.Leave(memberId, leftOn.Value);
            await db.SaveChangesAsync();
        }
        catch (DomainException refusal)
        {
            // The leaving date sits in the member's row, not in a form field: say it above the members.
            ModelState.AddModelError(string.Empty, t[refusal.MessageKey, [.. refusal.Arguments]]);
            return Page();
        }
        TempData["StatusMessage"] = t["Common.Saved"].Value;
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync()
    {
        Alliance = await db.Alliances.Include(a => a.Members).SingleOrDefaultAsync(a => a.Id == Id);
        if (Alliance is null)
        {
            return false;
        }
        ParentName = Alliance.ParentAllianceId is { } parentId
            ? await db.Alliances.Where(a => a.Id == parentId).Select(a => a.Name).SingleOrDefaultAsync()
            : null;
        var members = new List<MemberRow>();
        foreach (var m in Alliance.Members.OrderBy(m => m.Role).ThenBy(m => m.OrganisationName, StringComparer.Ordinal))
        {
            members.Add(new MemberRow(m.Id, m.OrganisationName, m.Role, await regions.PathAsync(m.RegionCode, CultureInfo.CurrentUICulture), m.Joined, m.LeftOn));
        }
        Members = members;
        Agreements = await db.Agreements.AsNoTracking().Where(a => a.AllianceId == Id && !a.IsArchived)
            .OrderBy(a => a.Title).Select(a => new AgreementRow(a.Id, a.Title, a.Status)).ToListAsync();
        Activities = await db.Activities.AsNoTracking().Where(a => a.AllianceId == Id && !a.IsArchived)
            .OrderByDescending(a => a.StartsOn).Take(20).Select(a => new ActivityRow(a.Id, a.Title, a.Kind, new Domain.PartialDate(a.StartsOn, a.StartsOnPrecision))).ToListAsync();
        Plans = (await db.Plans.Where(p => p.AllianceId == Id).OrderByDescending(p => p.Year)
            .Select(p => new { p.Id, p.Year, p.Status }).ToListAsync()).Select(p => (p.Id, p.Year, p.Status)).ToList();
        CanEdit = (await authorization.AuthorizeAsync(User, Alliance, Operations.Update)).Succeeded;
        CanRecordActivity = (await authorization.AuthorizeAsync(User, Alliance, Operations.RecordActivity)).Succeeded;
        return true;
    }
}
