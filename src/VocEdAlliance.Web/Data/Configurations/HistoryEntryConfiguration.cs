using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VocEdAlliance.Web.Domain.History;

namespace VocEdAlliance.Web.Data.Configurations;

public sealed class HistoryEntryConfiguration : IEntityTypeConfiguration<HistoryEntry>
{
    public void Configure(EntityTypeBuilder<HistoryEntry> builder)
    {
        builder.ToTable("history");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.RecordType).HasMaxLength(40).IsRequired();
        builder.Property(h => h.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.UserName).HasMaxLength(200).IsRequired();
        builder.OwnsMany(h => h.Changes, changes => changes.ToJson());
        builder.Property(h => h.AccessKeys).IsRequired();
        builder.HasIndex(h => new { h.RecordType, h.RecordId, h.At });
    }
}
