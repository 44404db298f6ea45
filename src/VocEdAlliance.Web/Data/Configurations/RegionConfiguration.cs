using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VocEdAlliance.Web.Domain.Regions;

namespace VocEdAlliance.Web.Data.Configurations;

public sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("regions");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(6).IsFixedLength();
        builder.Property(r => r.Name).HasMaxLength(100).IsRequired();
        builder.Property(r => r.NameEn).HasMaxLength(100);
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.MacroZone).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ParentCode).HasMaxLength(6).IsFixedLength();
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.ParentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ParentCode);
        builder.HasIndex(r => r.Name);
    }
}
