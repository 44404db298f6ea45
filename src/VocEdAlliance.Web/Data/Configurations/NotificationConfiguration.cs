using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VocEdAlliance.Web.Domain.Inbox;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Data.Configurations;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.Record).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.Subject).HasMaxLength(Notification.SubjectMaxLength).IsRequired();
        builder.Property(n => n.Detail).HasMaxLength(Notification.DetailMaxLength);
        builder.Ignore(n => n.IsRead);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
        // The inbox, newest first, and the header's unread count.
        builder.HasIndex(n => new { n.RecipientUserId, n.CreatedAt });
        builder.HasIndex(n => n.RecipientUserId).HasFilter("read_at IS NULL").HasDatabaseName("ix_notifications_unread");
        builder.HasIndex(n => new { n.Record, n.RecordId });
    }
}
