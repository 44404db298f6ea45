using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VocEdAlliance.Web.Domain.Agreements;
using VocEdAlliance.Web.Domain.Alliances;
using VocEdAlliance.Web.Domain.Organisations;

namespace VocEdAlliance.Web.Data.Configurations;

public sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{

    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ToTable("agreements");
        builder.HasBusinessDates("agreements", "effective_from", "effective_to", "terminated_on", "expiry_reminder_sent_on");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Title).HasMaxLength(Agreement.TitleMaxLength).IsRequired();
        builder.Property(a => a.Number).HasMaxLength(Agreement.NumberMaxLength);
        builder.Property(a => a.Specialties).HasMaxLength(Agreement.TextMaxLength);
        builder.Property(a => a.Notes).HasMaxLength(Agreement.TextMaxLength);
        builder.PrimitiveCollection(a => a.Modes).ElementType(e => e.HasConversion<string>());
        builder.Property(a => a.CollegeName).HasMaxLength(Agreement.CollegeNameMaxLength);
        builder.Property(a => a.Quotas).IsJsonList();
        builder.HasOne(a => a.ImplementsFramework).WithMany().HasForeignKey(a => a.ImplementsFrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ImplementsFrameworkId);
        builder.HasOne<Alliance>().WithMany().HasForeignKey(a => a.AllianceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.RecordedByOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Parties).WithOne(p => p.Agreement).HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Parties).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(a => a.PartiesInOrder);
        builder.HasMany(a => a.Confirmations).WithOne(c => c.Agreement).HasForeignKey(c => c.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Confirmations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(a => a.TermsHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(a => a.TermsText).IsRequired();
        builder.Property(a => a.TerminationReason).HasMaxLength(Agreement.TextMaxLength);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(a => a.RenewedFromId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.EffectiveTo);
        builder.Property(a => a.AccessKeys).IsRequired();
        builder.HasIndex(a => a.AccessKeys).HasMethod("gin");
        builder.HasIndex(a => new { a.EffectiveFrom, a.Id });
        builder.Property(a => a.EffectiveFromPrecision).IsDatePrecision();
        builder.HasIndex(a => a.AllianceId);
        builder.Property(a => a.Version).IsRowVersion();
    }
}

public sealed class AgreementPartyConfiguration : IEntityTypeConfiguration<AgreementParty>
{
    public void Configure(EntityTypeBuilder<AgreementParty> builder)
    {
        builder.ToTable("agreement_parties");
        builder.HasBusinessDates("agreement_parties", "signed_on");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.OrganisationName).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.Property(p => p.OrganisationType).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.InstitutionKind).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.RegionCode).HasMaxLength(6).IsFixedLength();
        builder.Property(p => p.SignatoryName).HasMaxLength(100);
        builder.Property(p => p.SignatoryTitle).HasMaxLength(100);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.OrganisationId);
    }
}
