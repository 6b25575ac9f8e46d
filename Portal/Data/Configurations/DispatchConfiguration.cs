using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Decisions;

namespace Portal.Data.Configurations;

internal sealed class ElectronicContactConsentConfiguration : IEntityTypeConfiguration<ElectronicContactConsent>
{
    public void Configure(EntityTypeBuilder<ElectronicContactConsent> consent)
    {
        consent.ToTable("ElectronicContactConsents");
        consent.HasKey(c => c.Id);
        consent.Property(c => c.Id).ValueGeneratedNever();
        consent.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        consent.Property(c => c.MessageKind).HasMaxLength(32).IsRequired();
        consent.Property(c => c.AskedAt).HasConversion<string>().HasMaxLength(16);
        // The latest answer of a person is what counts: read newest first.
        consent.HasIndex(c => new { c.UserId, c.RecordedAt });
    }
}

internal sealed class DecisionDispatchConfiguration : IEntityTypeConfiguration<DecisionDispatch>
{
    public void Configure(EntityTypeBuilder<DecisionDispatch> dispatch)
    {
        dispatch.ToTable("DecisionDispatches");
        dispatch.HasKey(d => d.Id);
        dispatch.Property(d => d.Id).ValueGeneratedNever();
        dispatch.HasOne<Decision>().WithMany().HasForeignKey(d => d.DecisionId).OnDelete(DeleteBehavior.Cascade);
        // One way out per decision.
        dispatch.HasIndex(d => d.DecisionId).IsUnique();
        // The staff list of letters to post.
        dispatch.HasIndex(d => d.PostTaskSince).HasFilter("\"PostTaskSince\" IS NOT NULL AND \"PostedOn\" IS NULL");
        dispatch.Property(d => d.Route).HasConversion<string>().HasMaxLength(8);
        dispatch.Property(d => d.PostReason).HasConversion<string>().HasMaxLength(16);
        dispatch.Property(d => d.EmailMessageIds).HasColumnType("uuid[]").IsRequired();
        // The outbox, sending one of these emails, finds its decision to attach the letter ("EmailMessageIds" @> ARRAY[id]).
        dispatch.HasIndex(d => d.EmailMessageIds).HasMethod("gin");
        // Staff marking it posted races the outbox finding the email went after all.
        dispatch.Property(d => d.Version).IsRowVersion();
        dispatch.Ignore(d => d.NeedsPosting);
    }
}
