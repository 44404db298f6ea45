using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;
using Microsoft.Extensions.Localization;

namespace VocEdAlliance.Web.Pages.Agreements;

public class DetailsModel(AppDbContext db, RegionDirectory regions, IAuthorizationService authorization, TimeProvider clock,
    PortalClock portalClock, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record PartyRow(Guid OrganisationId, string Name, PartyRole Role, string RegionPath, string? SignatoryName, string? SignatoryTitle, DateOnly? SignedOn,
        bool Confirmed, DateTimeOffset? ConfirmedAt, IReadOnlyList<(string? Before, string? Now)> Changes);
    public sealed record ActivityRow(Guid Id, string Title, ActivityKind Kind, Domain.PartialDate StartsOn);

    public Agreement? Agreement { get; private set; }
    public string? AllianceName { get; private set; }
    public IReadOnlyList<PartyRow> Parties { get; private set; } = [];
    public IReadOnlyList<ActivityRow> Activities { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanArchive { get; private set; }
    public bool CanRecordActivity { get; private set; }
    public bool CanConfirm { get; private set; }
    public bool CanSend { get; private set; }
    public bool CanTerminate { get; private set; }
    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];
    public bool CanRenew { get; private set; }
    public (Guid Id, string Title)? RenewedFrom { get; private set; }
    public IReadOnlyList<(Guid Id, string Title)> RenewedBy { get; private set; } = [];
    public IReadOnlyList<(Guid Id, int Year, Domain.Plans.PlanStatus Status)> Plans { get; private set; } = [];

    /// <summary>The framework agreement this one implements, when the user may see it.</summary>
    public (Guid Id, string Title)? Implements { get; private set; }

    /// <summary>For a framework agreement: the agreements the user may see that implement it.</summary>
    public IReadOnlyList<ImplementingRow> ImplementedBy { get; private set; } = [];

    public sealed record ImplementingRow(Guid Id, string Title, AgreementKind Kind, AgreementStatus Status, DateOnly EffectiveFrom,
        DatePrecision EffectiveFromPrecision)
    {
        public PartialDate Effective => new(EffectiveFrom, EffectiveFromPrecision);
    }

    /// <summary>Where a printed copy's QR code leads: the verification of exactly this version of the terms.</summary>
    public string VerifyUrl { get; private set; } = string.Empty;

    /// <summary>The same address as a QR code (SVG), on the printed page.</summary>
    public string VerifyQrSvg => QrCodes.Svg(VerifyUrl);

    /// <summary>The agreement as a PDF to print and stamp: parties, terms, confirmations with their dates, the terms'
    /// hash, and a QR code that opens the verification of this very version.</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid id)
    {
        if (await OnGetAsync(id) is not PageResult)
        {
            return NotFound();
        }
        var bytes = AgreementPdf.Compose(this, t, portalClock, User.GetDisplayName() ?? string.Empty);
        var day = LocalizerExtensions.Date(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        return File(bytes, "application/pdf", $"{Agreement!.Title}_{day}.pdf");
    }

    /// <summary>This user's side confirms the exact terms shown.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid id, string termsHash)
    {
        var (agreement, refusal) = await this.AuthorizedAsync(authorization,
            db.Agreements.Include(a => a.Parties).Include(a => a.Confirmations).SingleOrDefaultAsync(a => a.Id == id), Operations.Confirm);
        if (agreement is null)
        {
            // A second press (or a colleague's confirmation first): the user's side has confirmed these terms already.
            var key = db.Access.SeesEverything ? null : db.Access.Key;
            if (refusal is ForbidResult && await db.Agreements.Include(a => a.Parties).Include(a => a.Confirmations).AsNoTracking()
                    .SingleOrDefaultAsync(a => a.Id == id) is { } seen
                && seen.TermsHash == termsHash && seen.PartiesSpokenFor(key).Any() && !seen.AwaitingConfirmationFrom(key).Any())
            {
                TempData["StatusMessage"] = t["Agreement.AlreadyConfirmed"].Value;
                return RedirectToPage(new { id });
            }
            return refusal!;
        }
        if (agreement.TermsHash != termsHash)
        {
            // The terms changed after the page was shown: confirm only what the user has seen.
            TempData["StatusMessage"] = t["Agreement.ChangedBeforeConfirming"].Value;
            return RedirectToPage(new { id });
        }
        agreement.Confirm(db.Access.SeesEverything ? null : db.Access.Key, User.GetUserId()!.Value, clock.GetUtcNow());
        db.Entry(agreement).Property(a => a.Status).IsModified = true;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["StatusMessage"] = t["Agreement.ChangedBeforeConfirming"].Value;
            return RedirectToPage(new { id });
        }
        TempData["StatusMessage"] = t["Agreement.Confirmed"].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>A draft is sent to the parties for confirmation.</summary>
    public async Task<IActionResult> OnPostSendAsync(Guid id)
    {
        var (agreement, refusal) = await this.AuthorizedAsync(authorization,
            db.Agreements.Include(a => a.Parties).Include(a => a.Confirmations).SingleOrDefaultAsync(a => a.Id == id), Operations.SendForConfirmation);
        if (agreement is null)
        {
            return refusal!;
        }
        agreement.SendForConfirmation(db.Access.SeesEverything ? null : db.Access.Key, User.GetUserId()!.Value, clock.GetUtcNow());
        await db.SaveChangesAsync();
        TempData["StatusMessage"] = t["Agreement.Sent"].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>Uploads the signed scan (or another document) of the agreement.</summary>
    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file)
    {
        var (agreement, refusal) = await this.AuthorizedAsync(authorization, db.Agreements.SingleOrDefaultAsync(a => a.Id == id), Operations.RecordActivity);
        if (agreement is null)
        {
            return refusal!;
        }
        if (await DocumentUpload.TrySaveAsync(db, file, ModelState, t,
                (name, content) => Domain.Documents.Document.For(agreement, name, content, User.GetUserId()!.Value, clock.GetUtcNow())))
        {
            TempData["StatusMessage"] = t["Document.Uploaded", file!.FileName].Value;
            return RedirectToPage(new { id });
        }
        return await OnGetAsync(id);
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Agreement = await db.Agreements.AsNoTracking().Include(a => a.Parties).Include(a => a.Confirmations).SingleOrDefaultAsync(a => a.Id == id);
        if (Agreement is null)
        {
            return NotFound();
        }
        AllianceName = Agreement.AllianceId is { } allianceId
            ? await db.Alliances.Where(a => a.Id == allianceId).Select(a => a.Name).SingleOrDefaultAsync()
            : null;
        var parties = new List<PartyRow>();
        foreach (var p in Agreement.PartiesInOrder)
        {
            parties.Add(new PartyRow(p.OrganisationId, p.OrganisationName, p.Role, await regions.PathAsync(p.RegionCode, CultureInfo.CurrentUICulture),
                p.SignatoryName, p.SignatoryTitle, p.SignedOn, Agreement.IsConfirmedBy(p.OrganisationId),
                Agreement.ConfirmationOf(p.OrganisationId)?.ConfirmedAt, Agreement.ChangesSinceConfirmationOf(p.OrganisationId)));
        }
        Parties = parties;
        VerifyUrl = Url.Page("/Agreements/Verify", null, new { id, h = Agreement.TermsHash }, Request.Scheme)!;
        Activities = await db.Activities.AsNoTracking()
            .Where(x => x.AgreementId == id && !x.IsArchived)
            .OrderByDescending(x => x.StartsOn)
            .Select(x => new ActivityRow(x.Id, x.Title, x.Kind, new Domain.PartialDate(x.StartsOn, x.StartsOnPrecision)))
            .ToListAsync();
        CanEdit = (await authorization.AuthorizeAsync(User, Agreement, Operations.Update)).Succeeded;
        CanArchive = (await authorization.AuthorizeAsync(User, Agreement, Operations.Archive)).Succeeded;
        CanRecordActivity = (await authorization.AuthorizeAsync(User, Agreement, Operations.RecordActivity)).Succeeded;
        Documents = await DocumentUpload.ListAsync(db.Documents.Where(d => d.AgreementId == id));
        Plans = (await db.Plans.Where(p => p.AgreementId == id).OrderByDescending(p => p.Year)
            .Select(p => new { p.Id, p.Year, p.Status }).ToListAsync()).Select(p => (p.Id, p.Year, p.Status)).ToList();
        CanConfirm = (await authorization.AuthorizeAsync(User, Agreement, Operations.Confirm)).Succeeded;
        CanSend = (await authorization.AuthorizeAsync(User, Agreement, Operations.SendForConfirmation)).Succeeded;
        CanTerminate = (await authorization.AuthorizeAsync(User, Agreement, Operations.Terminate)).Succeeded;
        CanRenew = (await authorization.AuthorizeAsync(User, Agreement, Operations.Renew)).Succeeded;
        if (Agreement.RenewedFromId is { } previous
            && await db.Agreements.Where(a => a.Id == previous).Select(a => a.Title).SingleOrDefaultAsync() is { } previousTitle)
        {
            RenewedFrom = (previous, previousTitle);
        }
        if (Agreement.ImplementsFrameworkId is { } framework
            && await db.Agreements.Where(a => a.Id == framework).Select(a => a.Title).SingleOrDefaultAsync() is { } frameworkTitle)
        {
            Implements = (framework, frameworkTitle);
        }
        ImplementedBy = await db.Agreements.AsNoTracking().Where(a => a.ImplementsFrameworkId == id && !a.IsArchived)
            .OrderBy(a => a.EffectiveFrom).ThenBy(a => a.Title)
            .Select(a => new ImplementingRow(a.Id, a.Title, a.Kind, a.Status, a.EffectiveFrom, a.EffectiveFromPrecision)).ToListAsync();
        RenewedBy = (await db.Agreements.Where(a => a.RenewedFromId == id).Select(a => new { a.Id, a.Title }).ToListAsync())
            .Select(a => (a.Id, a.Title)).ToList();
        return Page();
    }

    /// <summary>A quota line's value (<c>TeacherTraining 2019-2021 20</c>) as the agreement's page says it.</summary>
    private string DescribeQuota(string value)
    {
        var parts = value.Split(' ');
        var years = parts.Length == 3 ? parts[1].Split('-') : [];
        return years.Length == 2 && Enum.TryParse<CooperationMode>(parts[0], out var mode)
            ? t["Agreement.QuotaLine", t.Enum(mode), parts[2], years[0] == years[1] ? years[0] : $"{years[0]}–{years[1]}"]
            : value;
    }

    /// <summary>A quota as the agreement's page shows it: "师资培训：每年20人（2019–2021）".</summary>
    public string Describe(AgreementQuota quota) => QuotaText.Describe(quota, t);

    /// <summary>A line of the canonical terms in the user's language: "合作方式：师资培训、学生交流".</summary>
    public string DescribeTerm(string line)
    {
        var separator = line.IndexOf(": ", StringComparison.Ordinal);
        if (separator < 0)
        {
            return line;
        }
        var key = line[..separator];
        var value = line[(separator + 2)..];
        var shown = key switch
        {
            "kind" when Enum.TryParse<AgreementKind>(value, out var kind) => t.Enum(kind),
            "modes" => string.Join(t["List.Separator"], value.Split(", ", StringSplitOptions.RemoveEmptyEntries)
                .Select(m => Enum.TryParse<CooperationMode>(m, out var mode) ? t.Enum(mode) : m)),
            "party" => string.Join(" · ", value.Split(" | ").Skip(1)
                .Select(part => Enum.TryParse<PartyRole>(part, out var role) && !int.TryParse(part, out _) ? t.Enum(role) : part)),
            "quota" => DescribeQuota(value),
            _ => value,
        };
        return t["Terms.Line", t[$"Terms.{key}"], shown];
    }
}
