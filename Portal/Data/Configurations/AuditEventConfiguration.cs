using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Audit;

namespace Portal.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> audit)
    {
        audit.ToTable("AuditEvents");
        audit.HasKey(a => a.Id);
        audit.Property(a => a.Id).UseIdentityAlwaysColumn();
        audit.Property(a => a.Kind).HasMaxLength(64).IsRequired();
        audit.Property(a => a.Subject).HasMaxLength(320);
        audit.Property(a => a.IpAddress).HasMaxLength(64);
        audit.Property(a => a.Detail).HasMaxLength(2000);
        audit.HasIndex(a => new { a.UserId, a.OccurredAt });
    }
}
