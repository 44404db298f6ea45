using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Domain.Programmes;

namespace VocEdAlliance.Web.Data.Configurations;

public sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.ToTable("programmes");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.RegionCode).HasMaxLength(6).IsFixedLength();
        builder.Property(p => p.Name).HasMaxLength(Programme.NameMaxLength).IsRequired();
        builder.Property(p => p.Level).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.CatalogueCode).HasMaxLength(6).IsFixedLength();
        builder.Property(p => p.ClosedReason).HasMaxLength(Programme.ReasonMaxLength);
        builder.Property(p => p.DownsizedReason).HasMaxLength(Programme.ReasonMaxLength);
        builder.Property(p => p.Years).IsJsonList();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<KeyIndustry>().WithMany().HasForeignKey(p => p.KeyIndustryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.InstitutionId);
        builder.Property(p => p.AccessKeys).IsRequired();
        builder.HasIndex(p => p.AccessKeys).HasMethod("gin");
        builder.Property(p => p.Version).IsRowVersion();
    }
}

public sealed class KeyIndustryConfiguration : IEntityTypeConfiguration<KeyIndustry>
{
    public void Configure(EntityTypeBuilder<KeyIndustry> builder)
    {
        builder.ToTable("key_industries");
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.RegionCode).HasMaxLength(6).IsFixedLength();
        builder.Property(k => k.Name).HasMaxLength(KeyIndustry.NameMaxLength).IsRequired();
        builder.HasOne<VocEdAlliance.Web.Domain.Regions.Region>().WithMany().HasForeignKey(k => k.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(k => k.RegionCode);
        builder.Property(k => k.Version).IsRowVersion();
    }
}
