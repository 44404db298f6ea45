using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Plans;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;
using VocEdAlliance.Web.Summaries;

namespace VocEdAlliance.Web.Pages.Plans;

/// <summary>A yearly plan: targets against the actuals of the year's recorded activities, with completion, the late
/// activities, and submission and approval.</summary>
public class DetailsModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <param name="Agreed">The agreement's quota for the indicator in the plan's year (people), if its terms set one.</param>
    public sealed record IndicatorRow(Indicator Indicator, int? Agreed, decimal? Target, decimal Actual)
    {
        public decimal? Completion => Target is > 0 ? Math.Round(Actual / Target.Value * 100, 1) : null;

        /// <summary>Every indicator of the plan: the quota agreed, its target and what the activities (and the schools)
        /// it counts achieved. Schools and enrolment are listed for a bureau's plan, or when targeted.</summary>
        public static IReadOnlyList<IndicatorRow> Of(YearlyPlan plan, IReadOnlyList<CooperationActivity> activities, PlanSchools schools) =>
            [.. Enum.GetValues<Indicator>()
                .Where(i => i is not (Indicator.Schools or Indicator.Enrolment) || plan.BureauId is not null || plan.Targets.For(i) is not null)
                .Select(i => new IndicatorRow(i, PlanTargets.Agreed(i, plan.Agreement, plan.Year), plan.Targets.For(i),
                    PlanTargets.Actual(i, activities, schools)))];
    }

    public sealed record LateActivity(Guid Id, string Title, PartialDate StartsOn, DateTimeOffset RecordedAt);

    public YearlyPlan? Plan { get; private set; }
    public IReadOnlyList<IndicatorRow> Indicators { get; private set; } = [];
    public IReadOnlyList<LateActivity> Late { get; private set; } = [];
    public bool CanChange { get; private set; }
    public bool CanApprove { get; private set; }

    /// <summary>Who the submitted plan waits for: the bureau's name, or null for the system admin.</summary>
    public string? ApproverName { get; private set; }

    public sealed class ReturnInput
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(YearlyPlan.ReturnCommentMaxLength, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Field.ReturnComment")]
        public string? Comment { get; set; }

        public uint Version { get; set; }
    }

    [BindProperty] public ReturnInput Return { get; set; } = new();

    private Task<YearlyPlan?> LoadAsync(Guid id) =>
        db.Plans.Include(p => p.Agreement).ThenInclude(a => a!.Parties).Include(p => p.Alliance).ThenInclude(a => a!.Members).Include(p => p.Bureau)
            .SingleOrDefaultAsync(p => p.Id == id);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Plan = await LoadAsync(id);
        if (Plan is null)
        {
            return NotFound();
        }
        await ShowAsync();
        return Page();
    }

    private async Task ShowAsync()
    {
        var plan = Plan!;
        // An alliance's plan counts its own activities and those of its agreements (the one definition the summaries use too).
        var activities = await PlanProgress.ActivitiesOf(db, plan).ToListAsync();
        // The registry and the programmes are read only where the plan shows schools or enrolment.
        var schools = plan.BureauId is not null || plan.Targets.Schools is not null || plan.Targets.Enrolment is not null
            ? await PlanProgress.SchoolsOfAsync(db, plan) : PlanSchools.None;
        Indicators = IndicatorRow.Of(plan, activities, schools);
        Late = [.. activities.Where(a => plan.IsLate(a, clock.LocalTimeZone)).Select(a => new LateActivity(a.Id, a.Title, a.Starts, a.RecordedAt))];
        CanChange = plan.Status != PlanStatus.Approved
                    && (await authorization.AuthorizeAsync(User, PlanAccess.Owner(plan), Operations.RecordActivity)).Succeeded;
        CanApprove = PlanAccess.MayApprove(User, db.Access, plan);
        if (plan.ApproverJurisdiction is { } approver)
        {
            ApproverName = await ResponsibleBureaus.NameOfAsync(db, approver);
        }
        Return.Version = plan.Version;
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id)
    {
        var plan = await LoadAsync(id);
        if (plan is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, PlanAccess.Owner(plan), Operations.RecordActivity)).Succeeded
            || PlanAccess.Submitter(db.Access, plan) is not { } submitter)
        {
            return Forbid();
        }
        var now = clock.GetUtcNow();
        var approver = await ResponsibleBureaus.NearestWithAccountAsync(db, submitter.Above, now);
        return await ChangeAsync(id, () => plan.Submit(submitter.Key, approver, User.GetUserId()!.Value, now), "Plan.Submitted");
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id) =>
        AnswerAsync(id, (plan, jurisdiction) => plan.Approve(jurisdiction, User.GetUserId()!.Value, clock.GetUtcNow()), "Plan.Approved");

    /// <summary>The approver sends the plan back to draft with a comment (required; kept in the history).</summary>
    public Task<IActionResult> OnPostReturnAsync(Guid id) =>
        AnswerAsync(id, (plan, jurisdiction) => plan.Return(jurisdiction, Return.Comment!, User.GetUserId()!.Value, clock.GetUtcNow()), "Plan.Returned",
            withComment: true);

    /// <summary>The approver's answer, by the bureau the plan waits for (or the system admin); a return needs its
    /// comment, and is refused when the plan changed since the page was shown.</summary>
    private async Task<IActionResult> AnswerAsync(Guid id, Action<YearlyPlan, string?> answer, string doneKey, bool withComment = false)
    {
        var plan = await LoadAsync(id);
        if (plan is null)
        {
            return NotFound();
        }
        if (!PlanAccess.IsApprover(User, db.Access, out var jurisdiction))
        {
            return Forbid();
        }
        if (!plan.AwaitsApprovalFrom(jurisdiction))
        {
            if (plan.Status == PlanStatus.Submitted)
            {
                return Forbid(); // it waits for another bureau
            }
            // Answered already (a second press, or a colleague) or taken back by its submitter: say so.
            TempData["StatusMessage"] = t["Plan.AlreadyAnswered", t.Enum(plan.Status)].Value;
            return RedirectToPage(new { id });
        }
        if (!withComment)
        {
            return await ChangeAsync(id, () => answer(plan, jurisdiction), doneKey);
        }
        if (ModelState.IsValid)
        {
            db.Entry(plan).Property(p => p.Version).OriginalValue = Return.Version;
            try
            {
                answer(plan, jurisdiction);
                await db.SaveChangesAsync();
                TempData["StatusMessage"] = t[doneKey].Value;
                return RedirectToPage(new { id });
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed meanwhile: the page shows the plan as it is now, with the comment the approver wrote kept.
                ModelState.AddModelError(string.Empty, t["Concurrency.Changed"].Value);
                db.ChangeTracker.Clear();
                plan = await LoadAsync(id);
                if (plan is null)
                {
                    return NotFound();
                }
            }
            catch (DomainException refusal)
            {
                ModelState.AddModelError($"{nameof(Return)}.{nameof(ReturnInput.Comment)}", t[refusal.MessageKey, [.. refusal.Arguments]].Value);
            }
        }
        Plan = plan;
        await ShowAsync();
        return Page();
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
