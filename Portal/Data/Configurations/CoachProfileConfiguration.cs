using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Coaching;

namespace Portal.Data.Configurations;

internal sealed class CoachProfileConfiguration : IEntityTypeConfiguration<CoachProfile>
{
    public void Configure(EntityTypeBuilder<CoachProfile> profile)
    {
        profile.ToTable("CoachProfiles");
        profile.HasKey(p => p.UserId);
        profile.Property(p => p.Name).HasMaxLength(HelpRequest.NameLength);
        profile.Property(p => p.Gender).HasConversion<string>().HasMaxLength(16);
        profile.Property(p => p.Phone).HasMaxLength(PhoneNumber.Length);
        profile.Property(p => p.WhatsApp).HasMaxLength(PhoneNumber.Length);
        profile.Property(p => p.Email).HasMaxLength(HelpRequest.EmailLength);
        profile.Property(p => p.Introduction).HasMaxLength(CoachProfile.IntroductionLength);
        // Places and hours are read and written with the profile, never queried on their own.
        profile.OwnsMany(p => p.WalkIns, walkIn => walkIn.ToJson());
        profile.HasOne<PortalUser>().WithOne().HasForeignKey<CoachProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        profile.HasOne<CoachingOrganisation>().WithMany().HasForeignKey(p => p.CoachingOrganisationId).OnDelete(DeleteBehavior.Restrict);
        profile.HasIndex(p => p.CoachingOrganisationId);
    }
}

internal sealed class CoachingOrganisationConfiguration : IEntityTypeConfiguration<CoachingOrganisation>
{
    public void Configure(EntityTypeBuilder<CoachingOrganisation> organisation)
    {
        organisation.ToTable("CoachingOrganisations");
        organisation.HasKey(o => o.Id);
        organisation.Property(o => o.Name).HasMaxLength(200);
        organisation.Property(o => o.Kind).HasConversion<string>().HasMaxLength(24);
    }
}
