using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Documents;
using VocEdAlliance.Web.Domain.Evaluations;
using VocEdAlliance.Web.Pages.Shared;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Evaluations;

/// <summary>One party's evaluation: its side writes the self-assessment (a score per criterion, a comment, evidence
/// for the criteria that require it; saved as a draft any number of times, then submitted), the bureau above reviews
/// and scores it, and the result shows once the round's results are published. 404 outside the agreement's scope.</summary>
public class PartyModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Evidence(Guid Id, int Criterion, string FileName, DateTimeOffset UploadedAt);

    public sealed class InputModel
    {
        public List<decimal?> Scores { get; set; } = [];

        [Display(Name = "Field.Comment")]
        public string? Comment { get; set; }

        /// <summary>The criterion (from 1) an uploaded file is evidence for.</summary>
        [Display(Name = "Field.Criterion")]
        public int? Criterion { get; set; }

        public uint Version { get; set; }
    }

    public PartyEvaluation? Evaluation { get; private set; }
    public IReadOnlyList<Evidence> Documents { get; private set; } = [];
    public bool MayAssess { get; private set; }
    public bool MayReview { get; private set; }

    /// <summary>Whether the review's scores show: to the reviewers and the publisher at once, to everyone else once the
    /// results are published.</summary>
    public bool ShowsReview { get; private set; }

    public string? ReviewerName { get; private set; }

    /// <summary>The save met a change made meanwhile: the page shows what is stored now.</summary>
    public bool Conflict { get; private set; }

    [BindProperty] public InputModel Input { get; set; } = new();

    private Task<PartyEvaluation?> LoadAsync(Guid id) =>
        db.PartyEvaluations.Include(e => e.Round).Include(e => e.Agreement).SingleOrDefaultAsync(e => e.Id == id);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var evaluation = await LoadAsync(id);
        if (evaluation is null)
        {
            return NotFound();
        }
        Evaluation = evaluation;
        await ShowAsync();
        var mine = MayReview ? evaluation.ReviewScores : evaluation.SelfScores;
        Input = new InputModel
        {
            Scores = [.. evaluation.Round.Criteria.Select((_, i) => i < mine.Count ? mine[i] : null)],
            Comment = MayReview ? evaluation.ReviewComment : evaluation.SelfComment,
            Version = evaluation.Version,
        };
        return Page();
    }

    private async Task ShowAsync()
    {
        var evaluation = Evaluation!;
        var scope = db.Access;
        MayAssess = evaluation.Status == PartyEvaluationStatus.Open && evaluation.Round.Status == EvaluationRoundStatus.Open
                    && EvaluationRules.Assessor(scope, evaluation) is not null;
        var reviewer = EvaluationRules.IsReviewer(scope, User, out var jurisdiction, out var admin);
        MayReview = reviewer && evaluation.AwaitsReviewFrom(jurisdiction, admin);
        ShowsReview = evaluation.Round.Status == EvaluationRoundStatus.Published || admin || EvaluationRules.Governs(scope, evaluation.Round)
                      || (reviewer && evaluation.ReviewerJurisdiction == jurisdiction && evaluation.Status != PartyEvaluationStatus.Open);
        if (evaluation.Status != PartyEvaluationStatus.Open)
        {
            ReviewerName = evaluation.ReviewerJurisdiction is { } bureau ? await ResponsibleBureaus.NameOfAsync(db, bureau) ?? bureau : t["Evaluation.Ministry"].Value;
        }
        Documents = await db.Documents.AsNoTracking().Where(d => d.PartyEvaluationId == evaluation.Id).OrderBy(d => d.Criterion).ThenBy(d => d.UploadedAt)
            .Select(d => new Evidence(d.Id, d.Criterion!.Value, d.FileName, d.UploadedAt)).ToListAsync();
    }

    /// <summary>Keeps the scores and comment typed so far as a draft.</summary>
    public Task<IActionResult> OnPostSaveAsync(Guid id) => AssessAsync(id, (evaluation, _) =>
    {
        evaluation.SaveSelfAssessment(Input.Scores, Input.Comment);
        return Task.FromResult<string?>("Evaluation.DraftSaved");
    });

    /// <summary>Keeps the draft, then adds the chosen file as evidence for the chosen criterion.</summary>
    public Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file) => AssessAsync(id, async (evaluation, _) =>
    {
        evaluation.SaveSelfAssessment(Input.Scores, Input.Comment);
        if (Input.Criterion is not { } criterion)
        {
            throw new DomainException("Evaluation.NoSuchCriterion", nameof(InputModel.Criterion));
        }
        if (await DocumentUpload.ReadAsync(file, ModelState, t) is not { } content)
        {
            return null;
        }
        db.Documents.Add(Document.For(evaluation, criterion, file!.FileName, content, User.GetUserId()!.Value, clock.GetUtcNow()));
        return "Evaluation.EvidenceAdded";
    });

    /// <summary>Sends the self-assessment to the bureau above (chosen now: the nearest with an active account).</summary>
    public Task<IActionResult> OnPostSubmitAsync(Guid id) => AssessAsync(id, async (evaluation, assessor) =>
    {
        var now = clock.GetUtcNow();
        var reviewer = await EvaluationRules.ReviewerAsync(db, evaluation.Round, assessor.Above, now);
        var withEvidence = (await db.Documents.Where(d => d.PartyEvaluationId == evaluation.Id).Select(d => d.Criterion!.Value).ToListAsync()).ToHashSet();
        evaluation.Submit(Input.Scores, Input.Comment, withEvidence, assessor.Key, reviewer, User.GetUserId()!.Value, now);
        return "Evaluation.Submitted";
    });

    public async Task<IActionResult> OnPostReviewAsync(Guid id)
    {
        var evaluation = await LoadAsync(id);
        if (evaluation is null)
        {
            return NotFound();
        }
        if (!EvaluationRules.IsReviewer(db.Access, User, out var jurisdiction, out var admin) || !evaluation.AwaitsReviewFrom(jurisdiction, admin))
        {
            if (evaluation.Status == PartyEvaluationStatus.Reviewed)
            {
                TempData["StatusMessage"] = t["Evaluation.AlreadyReviewed"].Value; // a second press, or a colleague
                return LocalRedirect(Url.Content($"~/Evaluations/Party/{id}"));
            }
            return Forbid();
        }
        return await SaveAsync(evaluation, () =>
        {
            evaluation.Review(jurisdiction, admin, Input.Scores, Input.Comment, User.GetUserId()!.Value, clock.GetUtcNow());
            return Task.FromResult<string?>("Evaluation.Reviewed");
        });
    }

    private async Task<IActionResult> AssessAsync(Guid id, Func<PartyEvaluation, (string Key, IReadOnlyList<string> Above), Task<string?>> change)
    {
        var evaluation = await LoadAsync(id);
        if (evaluation is null)
        {
            return NotFound();
        }
        if (EvaluationRules.Assessor(db.Access, evaluation) is not { } assessor)
        {
            return Forbid();
        }
        return await SaveAsync(evaluation, () => change(evaluation, assessor));
    }

    /// <summary>Applies a change and saves it; a refusal or a file problem shows next to its field with everything typed
    /// kept, and a change made meanwhile by someone else is said, never overwritten.</summary>
    private async Task<IActionResult> SaveAsync(PartyEvaluation evaluation, Func<Task<string?>> change)
    {
        db.Entry(evaluation).Property(e => e.Version).OriginalValue = Input.Version;
        if (ModelState.IsValid)
        {
            try
            {
                if (await change() is { } done)
                {
                    await db.SaveChangesAsync();
                    TempData["StatusMessage"] = t[done].Value;
                    return LocalRedirect(Url.Content($"~/Evaluations/Party/{evaluation.Id}"));
                }
            }
            catch (DomainException refusal)
            {
                var message = t[refusal.MessageKey, [.. refusal.Arguments]];
                ModelState.AddModelError(refusal.Field switch
                {
                    null => string.Empty,
                    DocumentUpload.Field => DocumentUpload.Field,
                    var field => $"Input.{field}",
                }, message);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Saved meanwhile (another tab, a colleague): what is stored now is shown above the form, what was typed
                // stays in it, and saving again overwrites knowingly (the version is the stored one).
                Conflict = true;
            }
        }
        db.ChangeTracker.Clear();
        Evaluation = await LoadAsync(evaluation.Id);
        if (Evaluation is null)
        {
            return NotFound();
        }
        if (Conflict)
        {
            ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Version)}");
            Input.Version = Evaluation.Version;
        }
        await ShowAsync();
        return Page();
    }
}
