using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Applications;
using Portal.Domain.Assisted;
using Portal.Domain.Organisations;

namespace Portal.Data.Configurations;

internal sealed class AssistedApplicationConfiguration : IEntityTypeConfiguration<AssistedApplication>
{
    public void Configure(EntityTypeBuilder<AssistedApplication> assisted)
    {
        assisted.ToTable("AssistedApplications");
        // One assisted record per application: the application's id is its key.
        assisted.HasKey(a => a.ApplicationId);
        assisted.Property(a => a.CoachName).HasMaxLength(200).IsRequired();
        assisted.Property(a => a.PersonName).HasMaxLength(200).IsRequired();
        assisted.Property(a => a.PersonLanguage).HasMaxLength(8).IsRequired();
        assisted.Property(a => a.PersonEmail).HasMaxLength(320);
        assisted.Property(a => a.Consent).HasConversion<string>().HasMaxLength(16);
        assisted.Property(a => a.AuthorisationFileName).HasMaxLength(255);
        assisted.Property(a => a.AuthorisationContentType).HasMaxLength(100);
        assisted.Property(a => a.UpdatesTo).HasConversion<string>().HasMaxLength(16);
        assisted.Property(a => a.PersonChannel).HasConversion<string>().HasMaxLength(32);
        assisted.Property(a => a.TakeoverCodeHash).HasMaxLength(64);
        // xmin: of two people using one takeover code at once, exactly one succeeds.
        assisted.Property(a => a.Version).IsRowVersion();
        assisted.Ignore(a => a.HasWrittenAuthorisation);
        assisted.Ignore(a => a.IsTakenOver);
        assisted.Ignore(a => a.DomainEvents);
        // The coach's list of their assisted applications, and finding a typed code.
        assisted.HasIndex(a => a.CoachId);
        assisted.HasIndex(a => a.TakeoverCodeHash).IsUnique().HasFilter("\"TakeoverCodeHash\" IS NOT NULL");
        assisted.HasOne<Application>().WithOne().HasForeignKey<AssistedApplication>(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        assisted.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        assisted.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.CoachId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssistedAuthorisationFileConfiguration : IEntityTypeConfiguration<AssistedAuthorisationFile>
{
    public void Configure(EntityTypeBuilder<AssistedAuthorisationFile> file)
    {
        file.ToTable("AssistedAuthorisationFiles");
        file.HasKey(f => f.ApplicationId);
        file.HasOne<AssistedApplication>().WithOne().HasForeignKey<AssistedAuthorisationFile>(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
