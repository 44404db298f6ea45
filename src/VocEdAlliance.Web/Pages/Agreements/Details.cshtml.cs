using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Agreements;

public class DetailsModel(AppDbContext db, RegionDirectory regions, IAuthorizationService authorization) : PageModel
{
    public sealed record PartyRow(string Name, string RegionPath, string? SignatoryName, string? SignatoryTitle, DateOnly? SignedOn);
    public sealed record ActivityRow(Guid Id, string Title, ActivityKind Kind, DateOnly StartsOn);

    public Agreement? Agreement { get; private set; }
    public string? AllianceName { get; private set; }
    public IReadOnlyList<PartyRow> Parties { get; private set; } = [];
    public IReadOnlyList<ActivityRow> Activities { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanArchive { get; private set; }
    public bool CanRecordActivity { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Agreement = await db.Agreements.AsNoTracking().Include(a => a.Parties).SingleOrDefaultAsync(a => a.Id == id);
        if (Agreement is null)
        {
            return NotFound();
        }
        AllianceName = Agreement.AllianceId is { } allianceId
            ? await db.Alliances.Where(a => a.Id == allianceId).Select(a => a.Name).SingleOrDefaultAsync()
            : null;
        var parties = new List<PartyRow>();
        foreach (var p in Agreement.Parties)
        {
            parties.Add(new PartyRow(p.OrganisationName, await regions.PathAsync(p.RegionCode, CultureInfo.CurrentUICulture),
                p.SignatoryName, p.SignatoryTitle, p.SignedOn));
        }
        Parties = parties;
        Activities = await db.Activities.AsNoTracking()
            .Where(x => x.AgreementId == id && !x.IsArchived)
            .OrderByDescending(x => x.StartsOn)
            .Select(x => new ActivityRow(x.Id, x.Title, x.Kind, x.StartsOn))
            .ToListAsync();
        CanEdit = (await authorization.AuthorizeAsync(User, Agreement, Operations.Update)).Succeeded;
        CanArchive = (await authorization.AuthorizeAsync(User, Agreement, Operations.Archive)).Succeeded;
        CanRecordActivity = (await authorization.AuthorizeAsync(User, Agreement, Operations.RecordActivity)).Succeeded;
        return Page();
    }
}
