using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Plans;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Plans;

/// <summary>Drafts a yearly plan for an agreement, or changes its targets until it is approved.</summary>
public class EditModel(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid AgreementId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public string AgreementTitle { get; private set; } = string.Empty;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Range(2000, 2100, ErrorMessage = "Validation.Range")]
        [Display(Name = "Field.Year")]
        public int? Year { get; set; }

        [Range(0, 1e12, ErrorMessage = "Validation.Range")] [Display(Name = "Indicator.TeachersTrained")] public decimal? TeachersTrained { get; set; }
        [Range(0, 1e12, ErrorMessage = "Validation.Range")] [Display(Name = "Indicator.StudentsExchanged")] public decimal? StudentsExchanged { get; set; }
        [Range(0, 1e12, ErrorMessage = "Validation.Range")] [Display(Name = "Indicator.PoorFamilyStudentsEnrolled")] public decimal? PoorFamilyStudentsEnrolled { get; set; }
        [Range(0, 1e12, ErrorMessage = "Validation.Range")] [Display(Name = "Indicator.Trainees")] public decimal? Trainees { get; set; }
        [Range(0, 1e12, ErrorMessage = "Validation.Range")] [Display(Name = "Indicator.FundsCny")] public decimal? FundsCny { get; set; }
        [Range(0, 1e12, ErrorMessage = "Validation.Range")] [Display(Name = "Indicator.Lectures")] public decimal? Lectures { get; set; }
        [Range(0, 1e12, ErrorMessage = "Validation.Range")] [Display(Name = "Indicator.Visits")] public decimal? Visits { get; set; }

        public uint Version { get; set; }

        public PlanTargets Targets => new(TeachersTrained, StudentsExchanged, PoorFamilyStudentsEnrolled, Trainees, FundsCny, Lectures, Visits);
    }

    private async Task<(Domain.Agreements.Agreement? Agreement, YearlyPlan? Plan, IActionResult? Refusal)> LoadAsync()
    {
        var (agreement, refusal) = await this.AuthorizedAsync(authorization,
            db.Agreements.Include(a => a.Parties).SingleOrDefaultAsync(a => a.Id == AgreementId), Operations.RecordActivity);
        if (agreement is null)
        {
            return (null, null, refusal);
        }
        AgreementTitle = agreement.Title;
        if (Id is not { } id)
        {
            return (agreement, null, null);
        }
        var plan = await db.Plans.Include(p => p.Agreement).SingleOrDefaultAsync(p => p.Id == id && p.AgreementId == AgreementId);
        return plan is null ? (null, null, NotFound()) : (agreement, plan, null);
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var (agreement, plan, refusal) = await LoadAsync();
        if (agreement is null)
        {
            return refusal!;
        }
        if (plan is not null)
        {
            var targets = plan.Targets;
            Input = new InputModel
            {
                Year = plan.Year, TeachersTrained = targets.TeachersTrained, StudentsExchanged = targets.StudentsExchanged,
                PoorFamilyStudentsEnrolled = targets.PoorFamilyStudentsEnrolled, Trainees = targets.Trainees, FundsCny = targets.FundsCny,
                Lectures = targets.Lectures, Visits = targets.Visits, Version = plan.Version,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (agreement, plan, refusal) = await LoadAsync();
        if (agreement is null)
        {
            return refusal!;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (plan is null && await db.Plans.AnyAsync(p => p.AgreementId == AgreementId && p.Year == Input.Year))
        {
            ModelState.AddModelError($"Input.{nameof(InputModel.Year)}", t["Plan.YearTaken", Input.Year!.Value]);
            return Page();
        }
        try
        {
            if (plan is null)
            {
                plan = new YearlyPlan(agreement, Input.Year!.Value, Input.Targets);
                db.Plans.Add(plan);
            }
            else
            {
                db.Entry(plan).Property(p => p.Version).OriginalValue = Input.Version;
                plan.ChangeTargets(Input.Targets);
            }
            await db.SaveChangesAsync();
        }
        catch (DomainException broken)
        {
            ModelState.AddRefusal(broken, t);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Concurrency.Changed"]);
            return Page();
        }
        return RedirectToPage("/Plans/Details", new { id = plan.Id });
    }
}
