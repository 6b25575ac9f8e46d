using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Applications;
using Portal.Domain.Decisions;

namespace Portal.Objections;

/// <summary>Objections (bezwaren) and the files sent with them (attachments marked with the objection): migration 0024.</summary>
internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> objection)
    {
        objection.ToTable("Objections");
        objection.HasKey(o => o.Id);
        objection.Property(o => o.Id).ValueGeneratedNever();
        objection.HasOne<Application>().WithMany().HasForeignKey(o => o.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        objection.HasOne<Decision>().WithMany().HasForeignKey(o => o.DecisionId).OnDelete(DeleteBehavior.Cascade);
        // One objection per decision version: a second click (or a coach and a member at once) cannot make two.
        objection.HasIndex(o => o.DecisionId).IsUnique();
        objection.HasIndex(o => o.ApplicationId);
        // The staff list shows the open ones, oldest first.
        objection.HasIndex(o => o.LodgedAt).HasDatabaseName("IX_Objections_Open_LodgedAt").HasFilter("\"DecisionReopenedAt\" IS NULL");
        objection.Property(o => o.Text).HasMaxLength(Objection.MaxTextLength).IsRequired();
        objection.Property(o => o.LodgedAs).HasConversion<string>().HasMaxLength(16);
        objection.Property(o => o.Version).IsRowVersion();
        objection.Ignore(o => o.IsOpen);
    }
}

internal sealed class AttachmentObjectionConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment) =>
        attachment.HasOne<Objection>().WithMany().HasForeignKey(a => a.ObjectionId).OnDelete(DeleteBehavior.Cascade);
}
