using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Audit;

namespace Portal.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public const string TransactionIdColumn = "TransactionId";

    public void Configure(EntityTypeBuilder<AuditEvent> audit)
    {
        audit.ToTable("AuditEvents");
        audit.HasKey(a => a.Id);
        audit.Property(a => a.Id).UseIdentityAlwaysColumn();
        audit.Property(a => a.Kind).HasMaxLength(64).IsRequired();
        audit.Property(a => a.Subject).HasMaxLength(320);
        audit.Property(a => a.IpAddress).HasMaxLength(64);
        audit.Property(a => a.Detail).HasMaxLength(2000);
        audit.Property(a => a.ActorRole).HasMaxLength(16);
        audit.Property(a => a.ObjectType).HasMaxLength(32);
        audit.Property(a => a.Result).HasMaxLength(16);
        audit.Property(a => a.UserAgent).HasMaxLength(AuditEvent.MaxUserAgentLength);
        // The transaction that wrote the row, set by the database: at commit, a change of an application's state must find
        // its audit row written in the same transaction (migration 0009's constraint trigger).
        audit.Property<long?>(TransactionIdColumn).HasDefaultValueSql("txid_current()").ValueGeneratedOnAdd();
        audit.HasIndex(a => new { a.UserId, a.OccurredAt });
        // A reviewer's timeline of one application (issue 11) reads its rows in order.
        audit.HasIndex(a => new { a.ObjectType, a.ObjectId, a.OccurredAt });
    }
}
