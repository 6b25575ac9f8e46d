using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Organisations;

namespace Portal.Data.Configurations;

internal sealed class OrganisationInvitationConfiguration : IEntityTypeConfiguration<OrganisationInvitation>
{
    public void Configure(EntityTypeBuilder<OrganisationInvitation> invitation)
    {
        invitation.ToTable("OrganisationInvitations");
        invitation.HasKey(i => i.Id);
        invitation.Property(i => i.Email).HasMaxLength(320).IsRequired();
        invitation.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        invitation.HasIndex(i => i.TokenHash).IsUnique();
        invitation.HasIndex(i => i.OrganisationId);
        // The daily limits count the invitations of the last day per sender and per address (Invitations.LimitReachedAsync, by the rule of InvitationLimits).
        invitation.HasIndex(i => new { i.InvitedBy, i.CreatedAt });
        invitation.HasIndex(i => i.CreatedAt);
        invitation.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        invitation.HasOne<PortalUser>().WithMany().HasForeignKey(i => i.AcceptedBy).OnDelete(DeleteBehavior.SetNull);
        invitation.HasOne<PortalUser>().WithMany().HasForeignKey(i => i.InvitedBy).OnDelete(DeleteBehavior.SetNull);
    }
}
