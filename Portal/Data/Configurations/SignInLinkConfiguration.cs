using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Data.Configurations;

internal sealed class SignInLinkConfiguration : IEntityTypeConfiguration<SignInLink>
{
    public void Configure(EntityTypeBuilder<SignInLink> link)
    {
        link.ToTable("SignInLinks");
        link.HasKey(l => l.Id);
        link.Property(l => l.TokenHash).HasMaxLength(64).IsRequired();
        link.HasIndex(l => l.TokenHash).IsUnique();
        link.HasOne<PortalUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
