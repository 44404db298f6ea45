using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Plans;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;
using VocEdAlliance.Web.Summaries;

namespace VocEdAlliance.Web.Pages.Plans;

/// <summary>A yearly plan: targets against the actuals of the year's recorded activities, with completion, the late
/// activities, and submission and approval.</summary>
public class DetailsModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record IndicatorRow(Indicator Indicator, decimal? Target, decimal Actual)
    {
        public decimal? Completion => Target is > 0 ? Math.Round(Actual / Target.Value * 100, 1) : null;

        /// <summary>Every indicator of the plan: its target and what the activities it counts achieved.</summary>
        public static IReadOnlyList<IndicatorRow> Of(YearlyPlan plan, IReadOnlyList<CooperationActivity> activities) =>
            [.. Enum.GetValues<Indicator>().Select(i => new IndicatorRow(i, plan.Targets.For(i), PlanTargets.Actual(i, activities)))];
    }

    public sealed record LateActivity(Guid Id, string Title, DateOnly StartsOn, DateTimeOffset RecordedAt);

    public YearlyPlan? Plan { get; private set; }
    public IReadOnlyList<IndicatorRow> Indicators { get; private set; } = [];
    public IReadOnlyList<LateActivity> Late { get; private set; } = [];
    public bool CanChange { get; private set; }
    public bool CanApprove { get; private set; }

    private Task<YearlyPlan?> LoadAsync(Guid id) =>
        db.Plans.Include(p => p.Agreement).ThenInclude(a => a!.Parties).Include(p => p.Alliance).ThenInclude(a => a!.Members)
            .SingleOrDefaultAsync(p => p.Id == id);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Plan = await LoadAsync(id);
        if (Plan is null)
        {
            return NotFound();
        }
        // An alliance's plan counts its own activities and those of its agreements (the one definition the summaries use too).
        var activities = await PlanProgress.ActivitiesOf(db, Plan).ToListAsync();
        Indicators = IndicatorRow.Of(Plan, activities);
        Late = [.. activities.Where(a => Plan.IsLate(a, clock.LocalTimeZone)).Select(a => new LateActivity(a.Id, a.Title, a.StartsOn, a.RecordedAt))];
        CanChange = Plan.Status != PlanStatus.Approved
                    && (await authorization.AuthorizeAsync(User, PlanAccess.Owner(Plan), Operations.RecordActivity)).Succeeded;
        CanApprove = PlanAccess.MayApprove(User, db.Access, Plan);
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id)
    {
        var plan = await LoadAsync(id);
        if (plan is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, PlanAccess.Owner(plan), Operations.RecordActivity)).Succeeded
            || PlanAccess.SubmitterScope(db.Access, plan) is not { } scope)
        {
            return Forbid();
        }
        return await ChangeAsync(id, () => plan.Submit(scope, User.GetUserId()!.Value, clock.GetUtcNow()), "Plan.Submitted");
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id)
    {
        var plan = await LoadAsync(id);
        if (plan is null)
        {
            return NotFound();
        }
        if (!PlanAccess.MayApprove(User, db.Access, plan))
        {
            return Forbid();
        }
        return await ChangeAsync(id, () => plan.Approve(db.Access.Key[2..], User.GetUserId()!.Value, clock.GetUtcNow()), "Plan.Approved");
    }

    private async Task<IActionResult> ChangeAsync(Guid id, Action change, string doneKey)
    {
        try
        {
            change();
            await db.SaveChangesAsync();
            TempData["StatusMessage"] = t[doneKey].Value;
        }
        catch (DomainException refusal)
        {
            TempData["StatusMessage"] = t[refusal.MessageKey].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["StatusMessage"] = t["Concurrency.Changed"].Value;
        }
        return RedirectToPage(new { id });
    }
}
