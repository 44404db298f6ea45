using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Regions;

namespace VocEdAlliance.Web.Data.Configurations;

/// <summary>One table for every kind of organisation (table-per-hierarchy, discriminated by <c>type</c>).</summary>
public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.HasDiscriminator(o => o.Type)
            .HasValue<Ministry>(OrganisationType.Ministry)
            .HasValue<EducationBureau>(OrganisationType.EducationBureau)
            .HasValue<Institution>(OrganisationType.Institution);
        builder.Property(o => o.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.Property(o => o.NameEn).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(o => o.RegionCode).HasMaxLength(6).IsFixedLength().IsRequired();
        builder.HasOne<Region>().WithMany().HasForeignKey(o => o.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.AccessKeys).IsRequired();
        builder.HasIndex(o => o.AccessKeys).HasMethod("gin");
        builder.HasIndex(o => o.RegionCode);
        builder.HasIndex(o => o.Name);
        builder.Property(o => o.Version).IsRowVersion();
    }
}

public sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> builder)
    {
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(i => i.Ownership).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Address).HasMaxLength(Institution.AddressMaxLength);
        builder.Property(i => i.Head).HasMaxLength(Institution.PersonMaxLength);
        builder.Property(i => i.ContactPhone).HasMaxLength(Institution.PhoneMaxLength);
        builder.Property(i => i.Website).HasMaxLength(Institution.WebsiteMaxLength);
        builder.Property(i => i.CreditCode).HasMaxLength(18).IsFixedLength();
        builder.HasIndex(i => i.CreditCode).IsUnique().HasFilter("credit_code IS NOT NULL");
    }
}
