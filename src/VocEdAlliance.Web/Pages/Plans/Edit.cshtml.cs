using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Plans;
using VocEdAlliance.Web.Pages.Agreements;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Plans;

/// <summary>Drafts a yearly plan for an agreement, an alliance or a bureau's own jurisdiction, or changes its targets
/// until it is approved.</summary>
public class EditModel(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? AgreementId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? AllianceId { get; set; }

    /// <summary>A bureau's plan for its own jurisdiction.</summary>
    [BindProperty(SupportsGet = true)] public Guid? BureauId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>The agreement's title or the alliance's name, and where it is.</summary>
    public string OwnerName { get; private set; } = string.Empty;

    /// <summary>The yearly quotas the agreement's terms set, shown beside the targets.</summary>
    public IReadOnlyList<string> AgreedQuotas { get; private set; } = [];
    public string OwnerUrl { get; private set; } = "~/";

    /// <summary>The targets as stored, when a save met a change made meanwhile.</summary>
    public PlanTargets? Conflict { get; private set; }

    /// <summary>The plan waits for approval: saving a change takes it back, to be submitted again (the page says so).</summary>
    public bool SubmittedNow { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Range(2000, 2100, ErrorMessage = "Validation.Range")]
        [Display(Name = "Field.Year")]
        public int? Year { get; set; }

        [Range(0, 1e12, ErrorMessage = "Validation.Range")] [WholeNumber] [Display(Name = "Indicator.TeachersTrained")] public decimal? TeachersTrained { get; set; }
        [Range(0, 1e12, ErrorMessage = "Validation.Range")] [WholeNumber] [Display(Name = "Indicator.StudentsExchanged")] public decimal? StudentsExchanged { get; set; }
        [Range(0, 1e12, ErrorMessage = "Validation.Range")] [WholeNumber] [Display(Name = "Indicator.PoorFamilyStudentsEnrolled")] public decimal? PoorFamilyStudentsEnrolled { get; set; }
        [Range(0, 1e12, ErrorMessage = "Validation.Range")] [WholeNumber] [Display(Name = "Indicator.Trainees")] public decimal? Trainees { get; set; }
        [Range(0, 1e12, ErrorMessage = "Validation.Range")] [Display(Name = "Indicator.FundsCny")] public decimal? FundsCny { get; set; }
        [Range(0, 1e12, ErrorMessage = "Validation.Range")] [WholeNumber] [Display(Name = "Indicator.Lectures")] public decimal? Lectures { get; set; }
        [Range(0, 1e12, ErrorMessage = "Validation.Range")] [WholeNumber] [Display(Name = "Indicator.Visits")] public decimal? Visits { get; set; }
        [Range(0, 1e12, ErrorMessage = "Validation.Range")] [WholeNumber] [Display(Name = "Indicator.Schools")] public decimal? Schools { get; set; }
        [Range(0, 1e12, ErrorMessage = "Validation.Range")] [WholeNumber] [Display(Name = "Indicator.Enrolment")] public decimal? Enrolment { get; set; }

        public uint Version { get; set; }

        public PlanTargets Targets => new(TeachersTrained, StudentsExchanged, PoorFamilyStudentsEnrolled, Trainees, FundsCny, Lectures, Visits, Schools, Enrolment);
    }

    /// <summary>The plan's owner (an agreement or an alliance) the user may record activities on, and the plan. An id
    /// in the address that is not one (not a GUID) finds nothing: 404, not a form for a new plan.</summary>
    private async Task<(object? Owner, YearlyPlan? Plan, IActionResult? Refusal)> LoadAsync()
    {
        if (new[] { nameof(Id), nameof(AgreementId), nameof(AllianceId), nameof(BureauId) }
            .Any(key => ModelState.GetFieldValidationState(key) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid))
        {
            return (null, null, NotFound());
        }
        object? owner = AgreementId is { } agreementId
            ? await db.Agreements.SingleOrDefaultAsync(a => a.Id == agreementId)
            : AllianceId is { } allianceId ? await db.Alliances.SingleOrDefaultAsync(a => a.Id == allianceId)
            : BureauId is { } bureauId ? await db.Bureaus.SingleOrDefaultAsync(b => b.Id == bureauId) : null;
        if (owner is null)
        {
            return (null, null, NotFound());
        }
        if (!(await authorization.AuthorizeAsync(User, owner, Operations.RecordActivity)).Succeeded)
        {
            return (null, null, Forbid());
        }
        AgreedQuotas = owner is Domain.Agreements.Agreement { Quotas: var quotas } ? [.. quotas.Select(q => QuotaText.Describe(q, t))] : [];
        (OwnerName, OwnerUrl) = owner switch
        {
            Domain.Agreements.Agreement a => (a.Title, Url.Page("/Agreements/Details", new { id = a.Id })!),
            Domain.Alliances.Alliance alliance => (alliance.Name, Url.Page("/Alliances/Details", new { id = alliance.Id })!),
            _ => (((Domain.Organisations.EducationBureau)owner).Name, Url.Page("/Plans/Index")!),
        };
        if (Id is not { } id)
        {
            return (owner, null, null);
        }
        var plan = await db.Plans.Include(p => p.Agreement).Include(p => p.Alliance).Include(p => p.Bureau)
            .SingleOrDefaultAsync(p => p.Id == id && p.AgreementId == AgreementId && p.AllianceId == AllianceId && p.BureauId == BureauId);
        SubmittedNow = plan?.Status == PlanStatus.Submitted;
        return plan is null ? (null, null, NotFound()) : (owner, plan, null);
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var (owner, plan, refusal) = await LoadAsync();
        if (owner is null)
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
                Lectures = targets.Lectures, Visits = targets.Visits, Schools = targets.Schools, Enrolment = targets.Enrolment, Version = plan.Version,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (owner, plan, refusal) = await LoadAsync();
        if (owner is null)
        {
            return refusal!;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (plan is null && await db.Plans.AnyAsync(p => p.AgreementId == AgreementId && p.AllianceId == AllianceId && p.BureauId == BureauId && p.Year == Input.Year))
        {
            ModelState.AddModelError($"Input.{nameof(InputModel.Year)}", t["Plan.YearTaken", Input.Year!.Value]);
            return Page();
        }
        try
        {
            if (plan is null)
            {
                plan = owner switch
                {
                    Domain.Agreements.Agreement agreement => new YearlyPlan(agreement, Input.Year!.Value, Input.Targets),
                    Domain.Alliances.Alliance alliance => new YearlyPlan(alliance, Input.Year!.Value, Input.Targets),
                    _ => new YearlyPlan((Domain.Organisations.EducationBureau)owner, Input.Year!.Value, Input.Targets),
                };
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
            // Changed meanwhile: the stored targets are shown above the form, what was typed stays in it, and saving
            // again overwrites knowingly (the version is the stored one).
            if (await this.StoredAfterConflictAsync(db, () => db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id)) is not { } current)
            {
                return NotFound();
            }
            Conflict = current.Targets;
            Input.Version = current.Version;
            return Page();
        }
        catch (DbUpdateException failure) when (failure.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // The same year's plan was saved by a simultaneous post (a double click, another tab): one plan is kept.
            ModelState.AddModelError($"Input.{nameof(InputModel.Year)}", t["Plan.YearTaken", Input.Year!.Value]);
            return Page();
        }
        return RedirectToPage("/Plans/Details", new { id = plan.Id });
    }
}
