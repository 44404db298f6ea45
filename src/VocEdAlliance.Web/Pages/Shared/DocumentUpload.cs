using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VocEdAlliance.Web.Data;
using VocEdAlliance.Web.Domain.Documents;

namespace VocEdAlliance.Web.Pages.Shared;

/// <summary>What the documents of a record look like in a list (the content is not read).</summary>
public sealed record DocumentRow(Guid Id, string FileName, DocumentKind Kind, long SizeBytes, DateTimeOffset UploadedAt, string Sha256);

/// <summary>What the documents partial shows: the list, whether the user may upload, and its heading.</summary>
public sealed record DocumentsView(IReadOnlyList<DocumentRow> Documents, bool CanUpload, string TitleKey);

public static class DocumentUpload
{
    public const string Field = "File";

    /// <summary>Reads an uploaded file, or says next to the file field why not (none, or over 20 MB); what the bytes
    /// are is the domain's check.</summary>
    public static async Task<byte[]?> ReadAsync(IFormFile? file, ModelStateDictionary modelState, IStringLocalizer t)
    {
        if (file is null || file.Length == 0)
        {
            modelState.AddModelError(Field, t["Document.Empty"]);
            return null;
        }
        if (file.Length > Document.MaxBytes)
        {
            modelState.AddModelError(Field, t["Document.TooLarge", Document.MaxBytes / 1024 / 1024]);
            return null;
        }
        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream);
        return stream.ToArray();
    }

    /// <summary>Reads the upload, makes the document (the domain checks what it is) and saves it. False, with a message
    /// next to the file field, when anything is wrong; nothing is saved then.</summary>
    public static async Task<bool> TrySaveAsync(AppDbContext db, IFormFile? file, ModelStateDictionary modelState, IStringLocalizer t,
        Func<string, byte[], Document> create)
    {
        if (await ReadAsync(file, modelState, t) is not { } content)
        {
            return false;
        }
        try
        {
            db.Documents.Add(create(file!.FileName, content));
            await db.SaveChangesAsync();
            return true;
        }
        catch (Domain.DomainException broken)
        {
            modelState.AddModelError(Field, t[broken.MessageKey, [.. broken.Arguments]]);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public static Task<List<DocumentRow>> ListAsync(IQueryable<Document> documents) =>
        documents.AsNoTracking().OrderByDescending(d => d.UploadedAt)
            .Select(d => new DocumentRow(d.Id, d.FileName, d.Kind, d.SizeBytes, d.UploadedAt, d.Sha256))
            .ToListAsync();
}
