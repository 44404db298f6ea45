using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Data.Configurations;

public sealed class RegistrationRequestConfiguration : IEntityTypeConfiguration<RegistrationRequest>
{
    public void Configure(EntityTypeBuilder<RegistrationRequest> builder)
    {
        builder.ToTable("registration_requests");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(RegistrationRequest.NameMaxLength).IsRequired();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(r => r.RegionCode).HasMaxLength(12).IsRequired();
        builder.Property(r => r.CreditCode).HasMaxLength(18);
        builder.Property(r => r.Contact).HasMaxLength(RegistrationRequest.ContactMaxLength);
        builder.Property(r => r.RequestedByName).HasMaxLength(256).IsRequired();
        builder.Property(r => r.DeclineReason).HasMaxLength(RegistrationRequest.ReasonMaxLength);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.RequestedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.RequestedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.AccessKeys).IsRequired();
        builder.HasIndex(r => r.AccessKeys).HasMethod("gin");
        builder.HasIndex(r => new { r.Status, r.RequestedAt });
        builder.Property(r => r.Version).IsRowVersion();
    }
}
