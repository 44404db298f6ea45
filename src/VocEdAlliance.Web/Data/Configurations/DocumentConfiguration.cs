using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VocEdAlliance.Web.Domain.Documents;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Data.Configurations;

public sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.ToTable("documents");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasOne(d => d.Agreement).WithMany().HasForeignKey(d => d.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Activity).WithMany().HasForeignKey(d => d.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.PartyEvaluation).WithMany().HasForeignKey(d => d.PartyEvaluationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.FileName).HasMaxLength(Document.FileNameMaxLength).IsRequired();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.UploadedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.AgreementId);
        builder.HasIndex(d => d.ActivityId);
        builder.HasIndex(d => d.PartyEvaluationId);
        builder.Ignore(d => d.ContentType);
        builder.ToTable(t => t.HasCheckConstraint("ck_documents_criterion", "(party_evaluation_id IS NULL) = (criterion IS NULL)"));
        builder.ToTable(t => t.HasCheckConstraint("ck_documents_owner", "num_nonnulls(agreement_id, activity_id, party_evaluation_id) = 1"));
    }
}
