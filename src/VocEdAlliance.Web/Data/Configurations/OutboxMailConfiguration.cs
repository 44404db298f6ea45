using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VocEdAlliance.Web.Domain.Inbox;

namespace VocEdAlliance.Web.Data.Configurations;

public sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.ToTable("outbox_mails");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasOne(m => m.Notification).WithMany().HasForeignKey(m => m.NotificationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Recipient).HasMaxLength(256).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(OutboxMail.ErrorMaxLength);
        // What the worker picks up: unsent, due.
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_mails_due");
    }
}
