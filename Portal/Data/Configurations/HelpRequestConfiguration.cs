using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Coaching;

namespace Portal.Data.Configurations;

internal sealed class HelpRequestConfiguration : IEntityTypeConfiguration<HelpRequest>
{
    public void Configure(EntityTypeBuilder<HelpRequest> request)
    {
        request.ToTable("HelpRequests");
        request.HasKey(r => r.Id);
        request.ComplexProperty(r => r.Origin, origin =>
        {
            origin.Property(o => o.Page).HasColumnName("OriginPage").HasMaxLength(HelpOrigin.PageLength);
            origin.Property(o => o.SchemeSlug).HasColumnName("OriginScheme").HasMaxLength(64);
            origin.Property(o => o.ApplicationId).HasColumnName("OriginApplicationId");
            origin.Property(o => o.Section).HasColumnName("OriginSection").HasMaxLength(64);
            origin.Property(o => o.Question).HasColumnName("OriginQuestion").HasMaxLength(64);
        });
        request.ComplexProperty(r => r.Requester, requester =>
        {
            requester.Property(p => p.UserId).HasColumnName("RequesterUserId");
            requester.Property(p => p.Name).HasColumnName("RequesterName").HasMaxLength(HelpRequest.NameLength);
            requester.Property(p => p.Phone).HasColumnName("RequesterPhone").HasMaxLength(PhoneNumber.Length);
            requester.Property(p => p.Email).HasColumnName("RequesterEmail").HasMaxLength(HelpRequest.EmailLength);
        });
        request.Property(r => r.Topic).HasConversion<string>().HasMaxLength(24);
        request.Property(r => r.Question).HasMaxLength(HelpRequest.QuestionLength);
        request.Property(r => r.Channel).HasConversion<string>().HasMaxLength(16);
        request.Property(r => r.Language).HasMaxLength(8);
        request.Property(r => r.ReachableAt).HasConversion<int>();
        request.Property(r => r.CoachGender).HasConversion<string>().HasMaxLength(16);
        request.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        request.Property(r => r.ContactedBy).HasConversion<string>().HasMaxLength(16);
        request.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(32);
        request.Property(r => r.HandoverNote).HasMaxLength(HelpRequest.NoteLength);
        // Optimistic concurrency on xmin: of two coaches claiming at once, one wins and the other is told.
        request.Property(r => r.Version).IsRowVersion();
        // The dashboard: open requests, oldest first; a coach's own.
        request.HasIndex(r => new { r.State, r.CreatedAt });
        request.HasIndex(r => r.CoachId);
        request.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.CoachId).OnDelete(DeleteBehavior.Restrict);
        request.Property(r => r.Neighbourhood).HasMaxLength(100);
        request.Ignore(r => r.DomainEvents);
        request.HasMany(r => r.Offers).WithOne().HasForeignKey(o => o.HelpRequestId).OnDelete(DeleteBehavior.Cascade);
        request.Navigation(r => r.Offers).HasField("offers");
        request.HasMany(r => r.Notes).WithOne().HasForeignKey(n => n.HelpRequestId).OnDelete(DeleteBehavior.Cascade);
        request.Navigation(r => r.Notes).HasField("notes");
        // A member's own requests, shown on "my applications".
        request.HasIndex(r => r.OrganisationId);
    }
}

internal sealed class HelpRequestOfferConfiguration : IEntityTypeConfiguration<HelpRequestOffer>
{
    public void Configure(EntityTypeBuilder<HelpRequestOffer> offer)
    {
        offer.ToTable("HelpRequestOffers");
        offer.HasKey(o => o.Id);
        // Made by the domain: an offer added to a loaded request is new, not a row to update.
        offer.Property(o => o.Id).ValueGeneratedNever();
        offer.Property(o => o.Reason).HasConversion<string>().HasMaxLength(16);
        // One offer per coach and request; a coach's dashboard and their waiting emails.
        offer.HasIndex(o => new { o.HelpRequestId, o.CoachId }).IsUnique();
        offer.HasIndex(o => new { o.CoachId, o.NotifiedAt });
        offer.HasOne<PortalUser>().WithMany().HasForeignKey(o => o.CoachId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HelpRequestNoteConfiguration : IEntityTypeConfiguration<HelpRequestNote>
{
    public void Configure(EntityTypeBuilder<HelpRequestNote> note)
    {
        note.ToTable("HelpRequestNotes");
        note.HasKey(n => n.Id);
        note.Property(n => n.Id).ValueGeneratedNever();
        note.Property(n => n.Text).HasMaxLength(HelpRequest.NoteLength);
        note.HasIndex(n => n.HelpRequestId);
    }
}
