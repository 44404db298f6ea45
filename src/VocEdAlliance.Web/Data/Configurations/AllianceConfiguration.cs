using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.Web.Data.Configurations;

public sealed class AllianceConfiguration : IEntityTypeConfiguration<Alliance>
{
    public void Configure(EntityTypeBuilder<Alliance> builder)
    {
        builder.ToTable("alliances");
        builder.HasBusinessDates("alliances", "founded_on");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Name).HasMaxLength(Alliance.NameMaxLength).IsRequired();
        builder.Property(a => a.NameEn).HasMaxLength(Alliance.NameMaxLength);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        builder.PrimitiveCollection(a => a.FocusAreas).ElementType(e => e.HasConversion<string>());
        builder.Property(a => a.Description).HasMaxLength(4000);
        builder.Property(a => a.FoundedOnPrecision).IsDatePrecision();
        builder.Ignore(a => a.Founded);
        builder.HasOne<Alliance>().WithMany().HasForeignKey(a => a.ParentAllianceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Members).WithOne(m => m.Alliance).HasForeignKey(m => m.AllianceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(a => a.Lead);
        builder.Property(a => a.AccessKeys).IsRequired();
        builder.HasIndex(a => a.AccessKeys).HasMethod("gin");
        builder.Property(a => a.Version).IsRowVersion();
    }
}

public sealed class AllianceMemberConfiguration : IEntityTypeConfiguration<AllianceMember>
{
    public void Configure(EntityTypeBuilder<AllianceMember> builder)
    {
        builder.ToTable("alliance_members");
        builder.HasBusinessDates("alliance_members", "joined_on", "left_on");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.OrganisationName).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.Property(m => m.OrganisationType).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.RegionCode).HasMaxLength(6).IsFixedLength();
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.OrganisationId);
        builder.Property(m => m.JoinedOnPrecision).IsDatePrecision();
        builder.Ignore(m => m.Joined);
    }
}
