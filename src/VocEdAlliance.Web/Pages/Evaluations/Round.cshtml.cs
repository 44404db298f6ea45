using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Evaluations;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;
using VocEdAlliance.Web.Summaries;

namespace VocEdAlliance.Web.Pages.Evaluations;

/// <summary>A round: its rubric, its publisher's buttons (publish the rubric, which opens a self-assessment for every
/// assessed party of every agreement in scope; publish the results, which locks the round), the parties' evaluations the
/// user may see, and — once published — the ranking by province.</summary>
public class RoundModel(AppDbContext db, RegionDirectory regions, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record PartyRow(Guid Id, string Agreement, string Party, string RegionCode, PartyEvaluationStatus Status, decimal? SelfTotal,
        decimal? Result);

    /// <summary>How many parties the page lists (the ranking counts them all).</summary>
    public const int Listed = 500;

    public EvaluationRound? Round { get; private set; }
    public string Publisher { get; private set; } = string.Empty;
    public bool Governs { get; private set; }
    public IReadOnlyList<PartyRow> Parties { get; private set; } = [];
    public int PartyCount { get; private set; }
    public IReadOnlyList<ProvinceRank> Ranking { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Round = await EvaluationAccess.VisibleRounds(db).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
        if (Round is null)
        {
            return NotFound();
        }
        Publisher = await EvaluationAccess.PublisherNameAsync(db, Round, t);
        Governs = EvaluationRules.Governs(db.Access, Round);
        var evaluations = db.PartyEvaluations.AsNoTracking().Include(e => e.Round).Where(e => e.RoundId == id);
        PartyCount = await evaluations.CountAsync();
        var listed = await evaluations.Include(e => e.Agreement).OrderBy(e => e.RegionCode).ThenBy(e => e.OrganisationName).Take(Listed).ToListAsync();
        Parties = [.. listed.Select(e => new PartyRow(e.Id, e.Agreement.Title, e.OrganisationName, e.RegionCode, e.Status, e.SelfTotal, e.Result))];
        if (Round.Status == EvaluationRoundStatus.Published)
        {
            var names = (await regions.ProvincesAsync()).ToDictionary(p => p.Code[..2], p => p.DisplayName(System.Globalization.CultureInfo.CurrentUICulture));
            Ranking = await new EvaluationRanking(db).ByProvinceAsync(new SummaryFilters(), new Dictionary<string, Domain.Regions.MacroZone>(), names, id);
        }
        return Page();
    }

    /// <summary>Publishes the rubric: the round opens, and every initiator and signatory in scope of every pairing or
    /// framework agreement in force that year gets its self-assessment (and an inbox entry saying so).</summary>
    public Task<IActionResult> OnPostOpenAsync(Guid id) => ChangeAsync(id, async round =>
    {
        round.Open(clock.GetUtcNow());
        var kinds = EvaluationRound.EvaluatedKinds.ToList();
        var start = new DateOnly(round.Year, 1, 1);
        var end = new DateOnly(round.Year, 12, 31);
        var agreements = await db.Agreements.Include(a => a.Parties)
            .Where(a => kinds.Contains(a.Kind) && !a.IsArchived && (a.Status == AgreementStatus.Active || a.Status == AgreementStatus.Expired)
                        && a.EffectiveFrom <= end && (a.EffectiveTo == null || a.EffectiveTo >= start))
            .ToListAsync();
        if (round.PublisherJurisdiction is { } publisher)
        {
            agreements = [.. agreements.Where(a => a.AccessKeys.Contains("r:" + publisher))];
        }
        var opened = 0;
        foreach (var agreement in agreements.Where(round.Evaluates))
        {
            foreach (var party in PartyEvaluation.AssessedParties(round, agreement))
            {
                db.PartyEvaluations.Add(new PartyEvaluation(round, agreement, party));
                opened++;
            }
        }
        return t["Evaluation.Opened", opened].Value;
    });

    public Task<IActionResult> OnPostPublishAsync(Guid id) => ChangeAsync(id, round =>
    {
        round.PublishResults(clock.GetUtcNow());
        return Task.FromResult(t["Evaluation.ResultsPublished"].Value);
    });

    /// <summary>A publisher's change, refused to anyone else; a second press or a colleague's earlier one is said, not
    /// repeated.</summary>
    private async Task<IActionResult> ChangeAsync(Guid id, Func<EvaluationRound, Task<string>> change)
    {
        var round = await EvaluationAccess.VisibleRounds(db).SingleOrDefaultAsync(r => r.Id == id);
        if (round is null)
        {
            return NotFound();
        }
        if (!EvaluationRules.Governs(db.Access, round))
        {
            return Forbid();
        }
        try
        {
            var done = await change(round);
            await db.SaveChangesAsync();
            TempData["StatusMessage"] = done;
        }
        catch (DomainException refusal)
        {
            TempData["StatusMessage"] = t[refusal.MessageKey, [.. refusal.Arguments]].Value;
        }
        catch (DbUpdateException)
        {
            // Opened or published meanwhile (a second press, a colleague): the page shows it as it is now.
            TempData["StatusMessage"] = t["Concurrency.Changed"].Value;
        }
        return LocalRedirect(Url.Content($"~/Evaluations/{id}"));
    }
}
