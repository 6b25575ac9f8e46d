using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Organisations;
using Portal.Domain.Review;
using Portal.Domain.Schemes;

namespace Portal.Review;

internal sealed class ReviewCaseConfiguration : IEntityTypeConfiguration<ReviewCase>
{
    public void Configure(EntityTypeBuilder<ReviewCase> review)
    {
        review.ToTable("ReviewCases");
        review.HasKey(c => c.ApplicationId);
        review.Property(c => c.ApplicationId).ValueGeneratedNever();
        review.Property(c => c.Reference).HasMaxLength(16).IsRequired();
        review.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        review.Property(c => c.Neighbourhood).HasMaxLength(100);
        review.Property(c => c.HandOverNote).HasMaxLength(ReviewCase.MaxNoteLength);
        review.Property(c => c.Version).IsRowVersion();
        review.HasOne<Application>().WithOne().HasForeignKey<ReviewCase>(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        review.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        review.HasOne<Scheme>().WithMany().HasForeignKey(c => c.SchemeId).OnDelete(DeleteBehavior.Restrict);
        review.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.ReviewerId).OnDelete(DeleteBehavior.SetNull);
        review.HasMany(c => c.Declarations).WithOne().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        review.Navigation(c => c.Declarations).HasField("declarations");
        review.Ignore(c => c.DomainEvents);
        // The inbox: overdue first (the legal date, then the reference: unique), as keyset pages; filtered by who has it, by state.
        review.HasIndex(c => new { c.LegalDate, c.Reference });
        review.Property(c => c.OrganisationName).HasMaxLength(200).IsRequired();
        // The inbox search ("%…%" in a reference or a group's name): trigram indexes (migration 0020).
        review.HasIndex(c => c.Reference).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("IX_ReviewCases_Reference_Trigram");
        review.HasIndex(c => c.OrganisationName).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("IX_ReviewCases_OrganisationName_Trigram");
        review.HasIndex(c => new { c.ReviewerId, c.LegalDate, c.Reference });
        review.HasIndex(c => new { c.Status, c.LegalDate, c.Reference });
        review.HasIndex(c => new { c.SchemeId, c.LegalDate, c.Reference });
        review.HasIndex(c => c.OrganisationId);
    }
}

internal sealed class InterestDeclarationConfiguration : IEntityTypeConfiguration<InterestDeclaration>
{
    public void Configure(EntityTypeBuilder<InterestDeclaration> declaration)
    {
        declaration.ToTable("InterestDeclarations");
        declaration.HasKey(d => d.Id);
        declaration.Property(d => d.Id).ValueGeneratedNever();
        declaration.Property(d => d.Explanation).HasMaxLength(ReviewCase.MaxNoteLength);
        // One declaration per reviewer and application: the second of two tabs is refused by the database.
        declaration.HasIndex(d => new { d.ApplicationId, d.ReviewerId }).IsUnique();
        declaration.HasIndex(d => d.DeclaredAt);
        declaration.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.ReviewerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewerSettingsConfiguration : IEntityTypeConfiguration<ReviewerSettings>
{
    public void Configure(EntityTypeBuilder<ReviewerSettings> settings)
    {
        settings.ToTable("ReviewerSettings");
        settings.HasKey(s => s.UserId);
        settings.Property(s => s.UserId).ValueGeneratedNever();
        settings.Property(s => s.EmailFrequency).HasConversion<string>().HasMaxLength(16);
        settings.Ignore(s => s.WantsEachEvent);
        settings.HasOne<PortalUser>().WithOne().HasForeignKey<ReviewerSettings>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
