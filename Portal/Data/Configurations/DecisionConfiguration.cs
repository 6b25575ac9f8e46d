using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Applications;
using Portal.Domain.Decisions;

namespace Portal.Data.Configurations;

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> decision)
    {
        decision.ToTable("Decisions");
        decision.HasKey(d => d.Id);
        decision.Property(d => d.Id).ValueGeneratedNever();
        decision.HasOne<Application>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // One version per number: two approvals racing cannot both write version 1.
        decision.HasIndex(d => new { d.ApplicationId, d.Number }).IsUnique();
        decision.Property(d => d.Kind).HasConversion<string>().HasMaxLength(24);
        decision.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(24);
        decision.Property(d => d.Channel).HasConversion<string>().HasMaxLength(8);
        decision.Property(d => d.ReasonKeys).HasMaxLength(512).IsRequired();
        decision.Property(d => d.ReasonText).HasMaxLength(Application.MaxSuggestionsLength);
        decision.Property(d => d.Feedback).HasMaxLength(Application.MaxSuggestionsLength);
        decision.Property(d => d.Suggestions).HasMaxLength(Application.MaxSuggestionsLength);
        decision.Property(d => d.ObligationKeys).HasMaxLength(512).IsRequired();
        decision.Property(d => d.ApplicationSnapshot).HasColumnType("jsonb").IsRequired();
        decision.Property(d => d.ReopenReason).HasMaxLength(Decision.MaxReopenReasonLength);
        // A verlening has at most one vaststelling that stands (a reopened one may be followed by the next).
        decision.Property(d => d.SettlementGround).HasConversion<string>().HasMaxLength(24);
        decision.HasIndex(d => new { d.Kind, d.VaststellingDueOn }).HasFilter("\"VaststellingDueOn\" IS NOT NULL");
        decision.HasIndex(d => d.SettlesDecisionId).IsUnique().HasFilter("\"SettlesDecisionId\" IS NOT NULL AND \"ReopenedAt\" IS NULL");
        // Optimistic concurrency on xmin: a reopening racing the sending, or two staff reopening at once.
        decision.Property(d => d.Version).IsRowVersion();
        decision.Ignore(d => d.Amount);
        decision.Ignore(d => d.Requested);
        decision.Ignore(d => d.Reasons);
        decision.Ignore(d => d.Obligations);
        decision.Ignore(d => d.Stands);
        decision.Ignore(d => d.IsGrant);
        decision.Ignore(d => d.RefusesPart);
    }
}
