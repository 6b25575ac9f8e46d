using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Messages;

namespace Portal.Requests;

/// <summary>
/// What this part adds to the information requests (their text, the answer, the reminder) and to the attachments (the
/// request a file answers), beside the base configurations of those tables (Data/Configurations): migration 0016.
/// </summary>
internal sealed class InformationRequestTextConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> request)
    {
        request.Property(r => r.Text).HasMaxLength(InformationRequest.MaxTextLength);
        request.Property(r => r.AnswerText).HasMaxLength(InformationRequest.MaxTextLength);
        // The worker looks for open completeness terms every minute: only the open ones are indexed.
        request.HasIndex(r => r.RespondBy).HasDatabaseName("IX_InformationRequests_Open_RespondBy")
            .HasFilter("\"AnsweredAt\" IS NULL AND \"LapsedAt\" IS NULL AND \"RespondBy\" IS NOT NULL");
    }
}

internal sealed class AttachmentAnswerConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment) =>
        attachment.HasOne<InformationRequest>().WithMany().HasForeignKey(a => a.InformationRequestId).OnDelete(DeleteBehavior.Cascade);
}

internal sealed class ApplicationMessageConfiguration : IEntityTypeConfiguration<ApplicationMessage>
{
    public void Configure(EntityTypeBuilder<ApplicationMessage> message)
    {
        message.ToTable("ApplicationMessages");
        message.HasKey(m => m.Id);
        message.Property(m => m.Id).ValueGeneratedNever();
        message.Property(m => m.Text).HasMaxLength(ApplicationMessage.MaxLength).IsRequired();
        message.Property(m => m.AuthorRole).HasConversion<string>().HasMaxLength(16);
        message.Ignore(m => m.FromStaff);
        message.Ignore(m => m.DomainEvents);
        // The thread of one application, in order.
        message.HasIndex(m => new { m.ApplicationId, m.CreatedAt });
        message.HasOne<Application>().WithMany().HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        message.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
