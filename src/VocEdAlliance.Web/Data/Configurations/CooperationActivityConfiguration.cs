using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VocEdAlliance.Web.Domain.Activities;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Data.Configurations;

public sealed class CooperationActivityConfiguration : IEntityTypeConfiguration<CooperationActivity>
{
    public void Configure(EntityTypeBuilder<CooperationActivity> builder)
    {
        builder.ToTable("activities");
        builder.HasBusinessDates("activities", "starts_on", "ends_on");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Title).HasMaxLength(CooperationActivity.TitleMaxLength).IsRequired();
        builder.Property(a => a.Location).HasMaxLength(200);
        builder.Property(a => a.ParticipatingOrganisations).HasMaxLength(CooperationActivity.TextMaxLength);
        builder.Property(a => a.Description).HasMaxLength(CooperationActivity.TextMaxLength);
        builder.Property(a => a.AmountCny).HasPrecision(16, 2);
        builder.Property(a => a.SourceOfFunds).HasMaxLength(200);
        builder.HasOne<VocEdAlliance.Web.Domain.Organisations.Organisation>().WithMany().HasForeignKey(a => a.GiverOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<VocEdAlliance.Web.Domain.Organisations.Organisation>().WithMany().HasForeignKey(a => a.ReceiverOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.IsSupport);
        builder.HasOne(a => a.Agreement).WithMany().HasForeignKey(a => a.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Alliance).WithMany().HasForeignKey(a => a.AllianceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.AgreementId, a.StartsOn });
        builder.HasIndex(a => new { a.AllianceId, a.StartsOn });
        builder.HasIndex(a => new { a.StartsOn, a.Id });
        builder.Property(a => a.StartsOnPrecision).IsDatePrecision();
        builder.Property(a => a.EndsOnPrecision).IsDatePrecision();
        builder.Ignore(a => a.Starts);
        builder.Ignore(a => a.Ends);
        // The access keys of the activity's agreement and alliance, copied by database triggers (see the migration
        // ActivityAccessKeys): the access filter reads them through a GIN index instead of joining every activity to its
        // owner. The portal never writes them.
        var keys = builder.Property<List<string>>(AppDbContext.ActivityAccessKeys).HasColumnName("access_keys").IsRequired(false)
            .HasDefaultValueSql("'{}'::text[]").ValueGeneratedOnAddOrUpdate();
        keys.Metadata.SetBeforeSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        keys.Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        builder.HasIndex(AppDbContext.ActivityAccessKeys).HasMethod("gin");
        builder.Property(a => a.Version).IsRowVersion();
        builder.ToTable(t => t.HasCheckConstraint("ck_activities_agreement_or_alliance", "agreement_id IS NOT NULL OR alliance_id IS NOT NULL"));
    }
}
