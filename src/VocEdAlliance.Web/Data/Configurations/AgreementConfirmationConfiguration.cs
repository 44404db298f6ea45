using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Organisations;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Data.Configurations;

/// <summary>Confirmations are appended, never changed: a side that confirms again adds a row.</summary>
public sealed class AgreementConfirmationConfiguration : IEntityTypeConfiguration<AgreementConfirmation>
{
    public void Configure(EntityTypeBuilder<AgreementConfirmation> builder)
    {
        builder.ToTable("agreement_confirmations");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.TermsHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(c => c.TermsText).IsRequired();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.PartyOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.ConfirmedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.AgreementId, c.PartyOrganisationId });
    }
}
