using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VocEdAlliance.Web.Domain.Access;
using VocEdAlliance.Web.Security;

namespace VocEdAlliance.Web.Data.Configurations;

public sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> builder)
    {
        builder.ToTable("personal_access_tokens");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(PersonalAccessToken.NameMaxLength).IsRequired();
        builder.Property(t => t.SecretHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(t => t.Hint).HasMaxLength(4).IsRequired();
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        // A deleted account takes its tokens with it.
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
