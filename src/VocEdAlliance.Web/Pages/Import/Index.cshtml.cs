using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain;
using VocEdAlliance.Web.Domain.Imports;
using VocEdAlliance.Web.Platform;
using VocEdAlliance.Web.Resources;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Pages.Import;

/// <summary>Bringing a workbook in: download the kind's template, upload a file for a dry run (every row checked by
/// the forms' rules, nothing recorded: "N new · M updated · K refused" and each refused row's problems next to its
/// cells), fix and upload again, then commit — all rows in one transaction or none. Each upload is a batch of the
/// user's (file name, SHA-256, counts, who, when) with its report to download.</summary>
[Authorize(Roles = $"{Roles.SystemAdmin},{Roles.BureauAdmin},{Roles.BureauStaff},{Roles.SchoolPrincipal}")]
// Room above the file size limit, so that a file a little too large gets the page's message, not a bare 400.
[RequestFormLimits(MultipartBodyLengthLimit = 4L * UploadedSheet.MaxBytes)]
[RequestSizeLimit(4L * UploadedSheet.MaxBytes)]
public partial class IndexModel(AppDbContext db, RegionDirectory regions, IAuthorizationService authorization, RowBinding binding,
    ImportProgress progress, TimeProvider clock, IStringLocalizer<SharedResource> t, ILogger<IndexModel> logger) : PageModel
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record BatchRow(Guid Id, string FileName, string Sha256, ImportStatus Status, int New, int Updated, int Unchanged, int Refused,
        DateTimeOffset UploadedAt, DateTimeOffset? CommittedAt);

    [BindProperty(SupportsGet = true)] public Guid? Batch { get; set; }

    /// <summary>This upload's or commit's id for the progress bar (rendered into the forms).</summary>
    [BindProperty] public Guid? Operation { get; set; }

    public Guid NewOperation { get; } = Guid.NewGuid();

    /// <summary>The kind of record the page is for (institutions, agreements, activities, alliance members and programmes for bureaus; activities and programmes for principals).</summary>
    [BindProperty(SupportsGet = true)] public ImportKind? Kind { get; set; }

    /// <summary>The kinds this user may import.</summary>
    public IReadOnlyList<ImportKind> Kinds => User.IsInRole(Roles.SchoolPrincipal) && !User.IsInRole(Roles.BureauStaff)
        && !User.IsInRole(Roles.BureauAdmin) && !User.IsInRole(Roles.SystemAdmin)
        ? [ImportKind.Activities, ImportKind.Programmes] : [ImportKind.Institutions, ImportKind.Agreements, ImportKind.Activities, ImportKind.Members, ImportKind.Programmes];

    public ImportKind Chosen => Kind is { } kind && Kinds.Contains(kind) ? kind : Kinds[0];

    public BatchRow? Current { get; private set; }
    public IReadOnlyList<RowResult> Refused { get; private set; } = [];
    public IReadOnlyList<string> Headers { get; private set; } = [];
    public IReadOnlyList<BatchRow> Recent { get; private set; } = [];
    public string? FileError { get; private set; }

    private ImportKindBase For(ImportKind kind) => kind switch
    {
        ImportKind.Institutions => new InstitutionImport(binding, t),
        ImportKind.Members => new MemberImport(binding, t),
        ImportKind.Agreements => new AgreementImport(binding, t),
        ImportKind.Programmes => new ProgrammeImport(binding, t),
        _ => new ActivityImport(binding, t),
    };

    public async Task OnGetAsync()
    {
        var mine = Mine();
        Recent = await mine.OrderByDescending(b => b.UploadedAt).Take(20).Select(AsRow).ToListAsync();
        if (Batch is { } id && await mine.SingleOrDefaultAsync(b => b.Id == id) is { } batch)
        {
            Current = AsRowInMemory(batch);
            Kind = batch.Kind;
            Refused = JsonSerializer.Deserialize<List<RowResult>>(batch.Report, Json) ?? [];
        }
        Headers = [.. For(Chosen).Columns.Select(c => c.Header)];
    }

    /// <summary>How far this user's upload or commit has got: {phase, done, total}; phase "unknown" when this portal
    /// instance does not know it.</summary>
    public IActionResult OnGetProgress(Guid operation) =>
        progress.Of(operation, User.GetUserId()!.Value) is { } state
            ? new JsonResult(new { state.Phase, state.Done, state.Total })
            : new JsonResult(new { Phase = "unknown", Done = 0, Total = 0 });

    /// <summary>The kind's template: the data sheet with drop-downs, the instructions sheet.</summary>
    public IActionResult OnGetTemplate()
    {
        if (Kind is { } asked && !Kinds.Contains(asked))
        {
            return Forbid();
        }
        var kind = For(Chosen);
        var bytes = ImportTemplate.Write(t["Import.Sheet.Data"], t["Import.Sheet.Instructions"], kind.Columns,
            [t["Import.Instructions.Column"], t["Import.Instructions.Required"], t["Import.Instructions.Takes"], t["Import.Instructions.Choices"]],
            [kind.MatchingNote, t["Import.Instructions.AllOrNothing"], t["Import.Instructions.Formulas"]],
            t["Import.Instructions.Yes"]);
        return File(bytes, StreamedExport.XlsxType, $"{t["Import.Template", t.Enum(Chosen)]}.xlsx");
    }

    /// <summary>Upload → dry run: the file is kept in the batch, every row checked, nothing recorded.</summary>
    public async Task<IActionResult> OnPostCheckAsync(IFormFile? file)
    {
        if (Kind is { } asked && !Kinds.Contains(asked))
        {
            return Forbid();
        }
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", t[file is null ? "Import.File.Empty" : "Import.File.ZeroBytes"]);
            await OnGetAsync();
            return Page();
        }
        if (file.Length > UploadedSheet.MaxBytes)
        {
            ModelState.AddModelError("file", t["Import.File.TooLarge", UploadedSheet.MaxBytes / 1024 / 1024]);
            await OnGetAsync();
            return Page();
        }
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);
        var batch = new ImportBatch(Chosen, file.FileName, copy.ToArray(), User.GetUserId()!.Value,
            User.GetDisplayName() ?? string.Empty, clock.GetUtcNow());
        if (Text.HasForbiddenCharacter(batch.FileName))
        {
            ModelState.AddModelError("file", t["Validation.ForbiddenCharacters", t["Import.File"]]);
            await OnGetAsync();
            return Page();
        }
        if (await CheckAsync(batch, apply: false) is { } unreadable)
        {
            ModelState.AddModelError("file", unreadable);
            await OnGetAsync();
            return Page();
        }
        db.ChangeTracker.Clear();
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync();
        LogChecked(logger, batch.Id, batch.Kind, batch.New, batch.Updated, batch.Unchanged, batch.Refused);
        return RedirectToPage(new { batch = batch.Id, kind = batch.Kind });
    }

    /// <summary>Commit: the kept file is checked again against the records as they are now; when no row is refused,
    /// every row is recorded in one transaction, else nothing is and the new report is shown.</summary>
    public async Task<IActionResult> OnPostCommitAsync(Guid batch)
    {
        var stored = await Mine().SingleOrDefaultAsync(b => b.Id == batch);
        if (stored is null || !Kinds.Contains(stored.Kind))
        {
            return NotFound();
        }
        if (stored.Status == ImportStatus.Committed)
        {
            TempData["StatusMessage"] = t["Import.AlreadyCommitted"].Value;
            return RedirectToPage(new { batch });
        }
        if (stored.Refused > 0)
        {
            // The check refused rows: there is nothing to commit until a fixed file is uploaded.
            TempData["StatusMessage"] = t["Import.HasRefusedRows"].Value;
            return RedirectToPage(new { batch });
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var unreadable = await CheckAsync(stored, apply: true);
        progress.Report(Operation, User.GetUserId()!.Value, "saving", stored.New + stored.Updated, stored.New + stored.Updated);
        if (unreadable is not null || stored.Refused > 0)
        {
            // Nothing of the file is recorded: only the batch's new report.
            db.ChangeTracker.Clear();
            db.ImportBatches.Update(stored);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            TempData["StatusMessage"] = t["Import.CommitRefused", stored.Refused].Value;
            return RedirectToPage(new { batch });
        }
        stored.Commit(clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateException)
        {
            // A record changed or a code was taken between the check and the save: nothing is recorded.
            await transaction.RollbackAsync();
            TempData["StatusMessage"] = t["Import.CommitConflict"].Value;
            return RedirectToPage(new { batch });
        }
        LogCommitted(logger, stored.Id, stored.Kind, stored.New, stored.Updated);
        TempData["StatusMessage"] = t["Import.Committed", stored.New, stored.Updated, stored.Unchanged].Value;
        return RedirectToPage(new { batch });
    }

    /// <summary>The batch's report: every refused row, column and problem, as CSV.</summary>
    public async Task<IActionResult> OnGetReportAsync(Guid batch)
    {
        if (await Mine().SingleOrDefaultAsync(b => b.Id == batch) is not { } stored)
        {
            return NotFound();
        }
        var rows = JsonSerializer.Deserialize<List<RowResult>>(stored.Report, Json) ?? [];
        var lines = rows.SelectMany(r => r.Problems.Select(p => (r.Row, p.Column, p.Message)));
        var summary = t["Import.Summary", stored.New, stored.Updated, stored.Unchanged, stored.Refused].Value;
        return StreamedExport.Of($"{t["Import.Report"]} {stored.FileName}", $"SHA-256 {stored.Sha256} · {summary}",
            $"{t["Import.Report"]}_{Path.GetFileNameWithoutExtension(stored.FileName)}",
            [t["Import.Column.Row"], t["Import.Column.Column"], t["Import.Column.Problem"]],
            StreamedExport.Listed(lines), line => ValueTask.FromResult<object?[]>([line.Row, line.Column ?? string.Empty, line.Message]), "csv");
    }

    /// <summary>Reads and checks the batch's file; the counts and the refused rows go into the batch. Returns why the
    /// file could not be read at all, or null.</summary>
    private async Task<string?> CheckAsync(ImportBatch batch, bool apply)
    {
        var kind = For(batch.Kind);
        UploadedSheet sheet;
        try
        {
            sheet = UploadedSheet.Read(batch.Content ?? [], batch.FileName, kind.RequiredHeaders);
        }
        catch (UnreadableFileException refused)
        {
            return t[refused.MessageKey, refused.Arguments].Value;
        }
        var user = User.GetUserId()!.Value;
        var results = await kind.CheckAsync(sheet, new ImportContext(db, regions, authorization, User, clock, t, PageContext)
        {
            Progress = (done, total) => progress.Report(Operation, user, "checking", done, total),
        }, apply);
        var refusedRows = results.Where(r => r.Outcome == RowOutcome.Refused).ToList();
        if (!apply || refusedRows.Count > 0)
        {
            db.ChangeTracker.Clear();
        }
        batch.Checked(results.Count(r => r.Outcome == RowOutcome.New), results.Count(r => r.Outcome == RowOutcome.Updated),
            results.Count(r => r.Outcome == RowOutcome.Unchanged), refusedRows.Count, JsonSerializer.Serialize(refusedRows.Take(1000), Json));
        return null;
    }

    private IQueryable<ImportBatch> Mine()
    {
        var me = User.GetUserId();
        return db.ImportBatches.Where(b => b.UserId == me);
    }

    private static readonly Func<ImportBatch, BatchRow> AsRowInMemory = AsRowExpression().Compile();

    private static readonly System.Linq.Expressions.Expression<Func<ImportBatch, BatchRow>> AsRow = AsRowExpression();

    private static System.Linq.Expressions.Expression<Func<ImportBatch, BatchRow>> AsRowExpression() => b =>
        new BatchRow(b.Id, b.FileName, b.Sha256, b.Status, b.New, b.Updated, b.Unchanged, b.Refused, b.UploadedAt, b.CommittedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {BatchId} of {Kind} checked: {New} new, {Updated} updated, {Unchanged} unchanged, {Refused} refused")]
    private static partial void LogChecked(ILogger logger, Guid batchId, ImportKind kind, int @new, int updated, int unchanged, int refused);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {BatchId} of {Kind} committed: {New} new, {Updated} updated")]
    private static partial void LogCommitted(ILogger logger, Guid batchId, ImportKind kind, int @new, int updated);
}
