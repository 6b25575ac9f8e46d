using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Access;
using Portal.Domain.Applications;

namespace Portal.Data.Configurations;

internal sealed class CoachGrantConfiguration : IEntityTypeConfiguration<CoachGrant>
{
    public void Configure(EntityTypeBuilder<CoachGrant> grant)
    {
        grant.ToTable("CoachGrants");
        grant.HasKey(g => g.Id);
        grant.Property(g => g.Kind).HasConversion<string>().HasMaxLength(16);
        grant.Ignore(g => g.IsActive);
        grant.Ignore(g => g.DomainEvents);
        // The access check asks: does this coach have an active grant on this application?
        grant.HasIndex(g => new { g.ApplicationId, g.CoachId }).HasFilter("\"RevokedAt\" IS NULL").HasDatabaseName("IX_CoachGrants_Active");
        grant.HasIndex(g => g.CoachId);
        grant.HasOne<Application>().WithMany().HasForeignKey(g => g.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        grant.HasOne<PortalUser>().WithMany().HasForeignKey(g => g.CoachId).OnDelete(DeleteBehavior.Cascade);
    }
}
