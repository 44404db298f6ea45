using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VocEdAlliance.Web.Domain.Evaluations;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Data.Configurations;

public sealed class EvaluationRoundConfiguration : IEntityTypeConfiguration<EvaluationRound>
{
    public void Configure(EntityTypeBuilder<EvaluationRound> builder)
    {
        builder.ToTable("evaluation_rounds");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Title).HasMaxLength(EvaluationRound.TitleMaxLength).IsRequired();
        builder.Property(r => r.PublisherJurisdiction).HasMaxLength(6);
        builder.Property(r => r.Criteria).IsJsonList();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => new { r.Year, r.Status });
        builder.Property(r => r.Version).IsRowVersion();
        builder.Ignore(r => r.IsNational);
    }
}

public sealed class PartyEvaluationConfiguration : IEntityTypeConfiguration<PartyEvaluation>
{
    public void Configure(EntityTypeBuilder<PartyEvaluation> builder)
    {
        builder.ToTable("party_evaluations");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne(e => e.Round).WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Agreement).WithMany().HasForeignKey(e => e.AgreementId).OnDelete(DeleteBehavior.Restrict);
        // One evaluation of a party per agreement and round: opening a round twice cannot double it.
        builder.HasIndex(e => new { e.RoundId, e.AgreementId, e.OrganisationId }).IsUnique();
        builder.HasIndex(e => e.AgreementId);
        builder.Property(e => e.OrganisationName).HasMaxLength(200).IsRequired();
        builder.Property(e => e.RegionCode).HasMaxLength(6).IsFixedLength();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.SelfScores).IsJsonList();
        builder.Property(e => e.ReviewScores).IsJsonList();
        builder.Property(e => e.SelfComment).HasMaxLength(PartyEvaluation.CommentMaxLength);
        builder.Property(e => e.ReviewComment).HasMaxLength(PartyEvaluation.CommentMaxLength);
        builder.Property(e => e.SubmittedBy).HasMaxLength(40);
        builder.Property(e => e.ReviewerJurisdiction).HasMaxLength(6);
        // The reviewer's queue.
        builder.HasIndex(e => new { e.Status, e.ReviewerJurisdiction });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.SubmittedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.ReviewedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Version).IsRowVersion();
        builder.Ignore(e => e.SelfTotal);
        builder.Ignore(e => e.Result);
    }
}
