using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace VocEdAlliance.Web.Data;

/// <summary>A create form that was handled: its one-time token (rendered into the form), who posted it and where the
/// record it created lives. Written in the same transaction as the record, so a form posted twice — a double click,
/// a retried request, two tabs — creates one record, and the second post is sent to it.</summary>
public sealed class FormSubmission
{
    public Guid Token { get; private set; }
    public Guid UserId { get; private set; }
    public string CreatedRecordUrl { get; private set; } = string.Empty;
    public DateTimeOffset SubmittedAt { get; private set; }

    private FormSubmission()
    {
    }

    public FormSubmission(Guid token, Guid userId, string createdRecordUrl, DateTimeOffset submittedAt)
    {
        Token = token;
        UserId = userId;
        CreatedRecordUrl = createdRecordUrl;
        SubmittedAt = submittedAt;
    }

    /// <summary>Where the record made by an earlier post of this form (by this user) lives, or null.</summary>
    public static Task<string?> HandledAsync(AppDbContext db, Guid token, Guid? userId) =>
        token == Guid.Empty || userId is null
            ? Task.FromResult<string?>(null)
            : db.FormSubmissions.AsNoTracking().Where(s => s.Token == token && s.UserId == userId)
                .Select(s => s.CreatedRecordUrl).SingleOrDefaultAsync();

    /// <summary>Did saving fail because another post of the same form got there first?</summary>
    public static bool IsRepeat(DbUpdateException failure) =>
        failure.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pk_form_submissions" };
}

public sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> builder)
    {
        builder.ToTable("form_submissions");
        builder.HasKey(s => s.Token);
        builder.Property(s => s.Token).ValueGeneratedNever();
        builder.Property(s => s.CreatedRecordUrl).HasMaxLength(300).IsRequired();
        builder.HasIndex(s => s.SubmittedAt);
    }
}
