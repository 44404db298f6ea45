using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Evaluations;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Evaluations;

/// <summary>Writes a round's rubric while it is a draft: title, year, due day and the criteria (name, weight, maximum
/// score, evidence required). The ministry starts national rounds, a bureau those of its jurisdiction.</summary>
public class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class CriterionInput
    {
        [StringLength(EvaluationRound.CriterionNameMaxLength, ErrorMessage = "Validation.StringLength"), Display(Name = "Field.Criterion")]
        public string? Name { get; set; }

        [Range(1, 100, ErrorMessage = "Validation.Range"), Display(Name = "Field.Weight")]
        public int? Weight { get; set; }

        [Range(1, 1000, ErrorMessage = "Validation.Range"), Display(Name = "Field.MaxScore")]
        public int? MaxScore { get; set; }

        public bool EvidenceRequired { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && Weight is null && MaxScore is null;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(EvaluationRound.TitleMaxLength, ErrorMessage = "Validation.StringLength")]
        [Display(Name = "Field.Title")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Validation.Required"), Range(BusinessDates.EarliestYear, BusinessDates.LatestYear, ErrorMessage = "Validation.Range")]
        [Display(Name = "Field.Year")]
        public int? Year { get; set; }

        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Field.DueOn")]
        public DateOnly? DueOn { get; set; }

        [Display(Name = "Evaluation.Criteria")]
        public List<CriterionInput> Criteria { get; set; } = [];

        public uint Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public Guid FormToken { get; set; } = SubmitOnce.NewToken();

    /// <summary>The rubric as stored, when a save met a change made meanwhile.</summary>
    public EvaluationRound? Conflict { get; private set; }

    public string FormUrl => Url.Content(Id is { } id ? $"~/Evaluations/Edit/{id}" : "~/Evaluations/Edit");
    public string RowsUrl => FormUrl + "?handler=Rows";

    /// <summary>The round being changed, or a new one's publisher; null when the user may not write it.</summary>
    private async Task<(bool Allowed, EvaluationRound? Round, string? Publisher)> LoadAsync()
    {
        if (Id is { } id)
        {
            var round = await EvaluationAccess.VisibleRounds(db).SingleOrDefaultAsync(r => r.Id == id);
            return round is null ? (false, null, null) : (EvaluationRules.Governs(db.Access, round) && round.Status == EvaluationRoundStatus.Draft, round, round.PublisherJurisdiction);
        }
        return EvaluationRules.MayPublish(User, db.Access, out var jurisdiction) ? (true, null, jurisdiction) : (false, null, null);
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var (allowed, round, _) = await LoadAsync();
        if (Id is not null && round is null)
        {
            return NotFound();
        }
        if (!allowed)
        {
            return Forbid();
        }
        if (round is not null)
        {
            Input = new InputModel
            {
                Title = round.Title, Year = round.Year, DueOn = round.DueOn, Version = round.Version,
                Criteria = [.. round.Criteria.Select(c => new CriterionInput { Name = c.Name, Weight = c.Weight, MaxScore = c.MaxScore, EvidenceRequired = c.EvidenceRequired })],
            };
        }
        else
        {
            var year = clock.GetLocalNow().Year;
            Input = new InputModel { Year = year, DueOn = new DateOnly(year + 1, 3, 31) };
        }
        Pad();
        return Page();
    }

    /// <summary>Another blank criterion row, keeping what was typed (nothing is saved).</summary>
    public async Task<IActionResult> OnPostRowsAsync()
    {
        var (allowed, round, _) = await LoadAsync();
        if (Id is not null && round is null)
        {
            return NotFound();
        }
        if (!allowed)
        {
            return Forbid();
        }
        ModelState.Clear();
        if (Input.Criteria.Count < EvaluationRound.MaxCriteria)
        {
            Input.Criteria.Add(new CriterionInput());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Id is null && await this.RepeatAsync(db, FormToken) is { } repeat)
        {
            return repeat;
        }
        var (allowed, round, publisher) = await LoadAsync();
        if (Id is not null && round is null)
        {
            return NotFound();
        }
        if (!allowed)
        {
            return Forbid();
        }
        var criteria = Input.Criteria.Where(c => !c.IsBlank).ToList();
        for (var i = 0; i < Input.Criteria.Count; i++)
        {
            var row = Input.Criteria[i];
            if (!row.IsBlank && string.IsNullOrWhiteSpace(row.Name))
            {
                ModelState.AddModelError($"Input.Criteria[{i}].Name", t["Validation.Required", t["Field.Criterion"]]);
            }
            if (!row.IsBlank && row.Weight is null)
            {
                ModelState.AddModelError($"Input.Criteria[{i}].Weight", t["Validation.Required", t["Field.Weight"]]);
            }
            if (!row.IsBlank && row.MaxScore is null)
            {
                ModelState.AddModelError($"Input.Criteria[{i}].MaxScore", t["Validation.Required", t["Field.MaxScore"]]);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var rubric = criteria.Select(c => new EvaluationCriterion(c.Name!, c.Weight!.Value, c.MaxScore!.Value, c.EvidenceRequired)).ToList();
        try
        {
            if (round is null)
            {
                round = new EvaluationRound(publisher, Input.Title!, Input.Year!.Value, Input.DueOn!.Value, rubric);
                db.EvaluationRounds.Add(round);
            }
            else
            {
                db.Entry(round).Property(r => r.Version).OriginalValue = Input.Version;
                round.Change(Input.Title!, Input.Year!.Value, Input.DueOn!.Value, rubric);
            }
        }
        catch (DomainException refusal)
        {
            ModelState.AddRefusal(refusal, t, CriteriaFields);
            Pad();
            return Page();
        }
        try
        {
            if (Id is null)
            {
                if (await this.SaveOnceAsync(db, FormToken, Url.Content($"~/Evaluations/{round.Id}"), clock) is { } repeated)
                {
                    return repeated;
                }
            }
            else
            {
                await db.SaveChangesAsync();
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed meanwhile: the stored rubric is shown above the form, what was typed stays in it, and saving again
            // overwrites knowingly (or is refused, if it was published meanwhile).
            if (await this.StoredAfterConflictAsync(db, () => EvaluationAccess.VisibleRounds(db).AsNoTracking().SingleOrDefaultAsync(r => r.Id == Id)) is not { } current)
            {
                return NotFound();
            }
            Conflict = current;
            Input.Version = current.Version;
            return Page();
        }
        TempData["StatusMessage"] = t["Common.Saved"].Value;
        return LocalRedirect(Url.Content($"~/Evaluations/{round.Id}"));
    }

    /// <summary>A rubric-wide refusal (weights not making 100, a name twice) is shown beside the criteria.</summary>
    private static readonly Dictionary<string, string> CriteriaFields = new()
    {
        [nameof(EvaluationRound.Criteria)] = nameof(InputModel.Criteria),
        [nameof(EvaluationCriterion.Name)] = nameof(InputModel.Criteria),
        [nameof(EvaluationCriterion.Weight)] = nameof(InputModel.Criteria),
        [nameof(EvaluationCriterion.MaxScore)] = nameof(InputModel.Criteria),
    };

    /// <summary>At least three criterion rows on the form.</summary>
    private void Pad()
    {
        while (Input.Criteria.Count < 3)
        {
            Input.Criteria.Add(new CriterionInput());
        }
    }
}
