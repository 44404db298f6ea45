namespace VocEdAlliance.Web.Domain.Imports;

public enum ImportKind
{
    Institutions,
    Activities,
    Members,
    Agreements,
    Programmes,
}

public enum ImportStatus
{
    /// <summary>Uploaded and checked (a dry run): nothing in it is recorded yet.</summary>
    Checked,

    /// <summary>Committed: every row recorded in one transaction.</summary>
    Committed,
}

/// <summary>One uploaded file of records: what it was (name, SHA-256, kind), who brought it and when, what its check
/// found (new, updated, refused rows) and whether it was committed. The file itself is kept until it is committed
/// (the commit checks it again), then dropped; the hash stays, so a copy can always be recognised.</summary>
public sealed class ImportBatch
{
    public const int FileNameMaxLength = 255;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public ImportKind Kind { get; private set; }
    public string FileName { get; private set; } = string.Empty;
    public string Sha256 { get; private set; } = string.Empty;
    public byte[]? Content { get; private set; }
    public Guid UserId { get; private set; }
    public string UserName { get; private set; } = string.Empty;
    public DateTimeOffset UploadedAt { get; private set; }
    public ImportStatus Status { get; private set; }
    public int New { get; private set; }
    public int Updated { get; private set; }
    public int Refused { get; private set; }
    public int Unchanged { get; private set; }
    public DateTimeOffset? CommittedAt { get; private set; }

    /// <summary>Concurrency token: a second commit of the same batch (a double click, two tabs) is refused.</summary>
    public uint Version { get; private set; }

    /// <summary>The latest check's refused rows with their problems (JSON, written by the import page).</summary>
    public string Report { get; private set; } = "[]";

    private ImportBatch()
    {
    }

    public ImportBatch(ImportKind kind, string fileName, byte[] content, Guid userId, string userName, DateTimeOffset at)
    {
        Kind = kind;
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        FileName = name.Length > FileNameMaxLength ? name[..FileNameMaxLength] : name;
        Content = content;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        UserId = userId;
        UserName = userName;
        UploadedAt = at;
        Status = ImportStatus.Checked;
    }

    /// <summary>What the latest check of the file found.</summary>
    public void Checked(int added, int updated, int unchanged, int refused, string report)
    {
        New = added;
        Updated = updated;
        Unchanged = unchanged;
        Refused = refused;
        Report = report;
    }

    /// <summary>Every row was recorded: the batch is closed and the file dropped.</summary>
    public void Commit(DateTimeOffset at)
    {
        if (Status == ImportStatus.Committed)
        {
            throw new DomainException("Import.AlreadyCommitted");
        }
        if (Refused > 0)
        {
            throw new DomainException("Import.HasRefusedRows");
        }
        Status = ImportStatus.Committed;
        CommittedAt = at;
        Content = null;
    }
}
