using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VocEdAlliance.Web.Domain.Plans;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Data.Configurations;

public sealed class YearlyPlanConfiguration : IEntityTypeConfiguration<YearlyPlan>
{
    public void Configure(EntityTypeBuilder<YearlyPlan> builder)
    {
        builder.ToTable("yearly_plans");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne(p => p.Agreement).WithMany().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Alliance).WithMany().HasForeignKey(p => p.AllianceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Bureau).WithMany().HasForeignKey(p => p.BureauId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.AgreementId, p.Year }).IsUnique().HasFilter("agreement_id IS NOT NULL");
        builder.HasIndex(p => new { p.AllianceId, p.Year }).IsUnique().HasFilter("alliance_id IS NOT NULL");
        builder.HasIndex(p => new { p.BureauId, p.Year }).IsUnique().HasFilter("bureau_id IS NOT NULL");
        builder.ToTable(t => t.HasCheckConstraint("ck_yearly_plans_owner", "num_nonnulls(agreement_id, alliance_id, bureau_id) = 1"));
        builder.Ignore(p => p.OwnerName);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.SubmittedBy).HasMaxLength(40);
        builder.Property(p => p.ApproverJurisdiction).HasMaxLength(6);
        builder.Property(p => p.ReturnComment).HasMaxLength(YearlyPlan.ReturnCommentMaxLength);
        // The approver's queue and "submitted by us".
        builder.HasIndex(p => new { p.Status, p.ApproverJurisdiction });
        builder.HasIndex(p => p.SubmittedBy);
        builder.ComplexProperty(p => p.Targets, targets =>
        {
            foreach (var indicator in Enum.GetNames<Indicator>())
            {
                targets.Property<decimal?>(indicator).HasPrecision(16, 2);
            }
        });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.SubmittedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.ApprovedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.ReturnedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Version).IsRowVersion();
        builder.Ignore(p => p.ReportingDeadline);
    }
}
