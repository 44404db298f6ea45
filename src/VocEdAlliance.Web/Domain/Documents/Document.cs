using System.Security.Cryptography;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Evaluations;

namespace VocEdAlliance.Web.Domain.Documents;

public enum DocumentKind
{
    Pdf,
    Jpeg,
    Png,
}

/// <summary>A signed scan of an agreement, evidence of an activity, or evidence for one criterion of a party's
/// self-assessment: a PDF, JPEG or PNG file of at most 20 MB,
/// recognised from its content, kept with its SHA-256. Visible exactly when its agreement or activity is.</summary>
public sealed class Document : IAccessControlledPart
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int FileNameMaxLength = 200;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid? AgreementId { get; private set; }
    public Agreement? Agreement { get; private set; }
    public Guid? ActivityId { get; private set; }
    public CooperationActivity? Activity { get; private set; }
    public Guid? PartyEvaluationId { get; private set; }
    public PartyEvaluation? PartyEvaluation { get; private set; }

    /// <summary>For a self-assessment's evidence: the number (from 1) of the rubric's criterion it supports.</summary>
    public int? Criterion { get; private set; }
    public string FileName { get; private set; } = string.Empty;
    public DocumentKind Kind { get; private set; }
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = string.Empty;
    public byte[] Content { get; private set; } = [];
    public Guid UploadedByUserId { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    private Document()
    {
    }

    public static Document For(Agreement agreement, string fileName, byte[] content, Guid userId, DateTimeOffset now) =>
        Create(fileName, content, userId, now, agreement, null);

    public static Document For(CooperationActivity activity, string fileName, byte[] content, Guid userId, DateTimeOffset now) =>
        Create(fileName, content, userId, now, null, activity);

    /// <summary>Evidence for criterion <paramref name="criterion"/> (from 1) of a self-assessment not yet submitted.</summary>
    public static Document For(PartyEvaluation evaluation, int criterion, string fileName, byte[] content, Guid userId, DateTimeOffset now)
    {
        if (criterion < 1 || criterion > evaluation.Round.Criteria.Count)
        {
            throw new DomainException("Evaluation.NoSuchCriterion", nameof(Criterion));
        }
        if (evaluation.Status != PartyEvaluationStatus.Open || evaluation.Round.Status != EvaluationRoundStatus.Open)
        {
            throw new DomainException("Evaluation.AlreadySubmitted", "File");
        }
        var document = Create(fileName, content, userId, now, null, null);
        document.PartyEvaluation = evaluation;
        document.PartyEvaluationId = evaluation.Id;
        document.Criterion = criterion;
        return document;
    }

    private static Document Create(string fileName, byte[] content, Guid userId, DateTimeOffset now, Agreement? agreement, CooperationActivity? activity)
    {
        if (content.Length == 0)
        {
            throw new DomainException("Document.Empty", "File");
        }
        if (content.LongLength > MaxBytes)
        {
            throw new DomainException("Document.TooLarge", "File", MaxBytes / 1024 / 1024);
        }
        var kind = Recognise(content) ?? throw new DomainException("Document.UnknownType", "File");
        var name = CleanFileName(fileName);
        return new Document
        {
            Agreement = agreement,
            AgreementId = agreement?.Id,
            Activity = activity,
            ActivityId = activity?.Id,
            FileName = name.Length <= FileNameMaxLength ? name : name[^FileNameMaxLength..],
            Kind = kind,
            SizeBytes = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            UploadedByUserId = userId,
            UploadedAt = now,
        };
    }

    /// <summary>The name a file is kept under: its last segment after either path separator (a browser on Windows may
    /// send <c>C:\scans\合同.pdf</c>), without control or bidirectional formatting characters (so
    /// <c>合同&#x202E;fdp.exe</c> is kept as the "合同fdp.exe" it really is); "document" when nothing is left.</summary>
    public static string CleanFileName(string? fileName)
    {
        var raw = fileName ?? string.Empty;
        var last = raw[(raw.LastIndexOfAny(['/', '\\']) + 1)..];
        var name = new string([.. last.Where(c => !Text.IsForbidden(c) && c is not ('\t' or '\n' or '\r'))]).Trim();
        return name.Length == 0 ? "document" : name;
    }

    /// <summary>What the bytes are, whatever the file is called: PDF, JPEG and PNG by their signatures.</summary>
    public static DocumentKind? Recognise(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF-"u8) ? DocumentKind.Pdf
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? DocumentKind.Jpeg
        : content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? DocumentKind.Png
        : null;

    public string ContentType => Kind switch
    {
        DocumentKind.Pdf => "application/pdf",
        DocumentKind.Jpeg => "image/jpeg",
        _ => "image/png",
    };

    public IEnumerable<IAccessControlled?> Owners =>
        Activity is { } activity ? activity.Owners : PartyEvaluation is { } evaluation ? evaluation.Owners : [Agreement];
}
