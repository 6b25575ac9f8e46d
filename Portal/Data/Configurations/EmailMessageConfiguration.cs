using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Email;

namespace Portal.Data.Configurations;

internal sealed class EmailMessageConfiguration : IEntityTypeConfiguration<EmailMessage>
{
    public void Configure(EntityTypeBuilder<EmailMessage> email)
    {
        email.ToTable("EmailMessages");
        email.HasKey(e => e.Id);
        email.Property(e => e.To).HasMaxLength(320).IsRequired();
        email.Property(e => e.Subject).HasMaxLength(500).IsRequired();
        email.Property(e => e.TextBody).IsRequired();
        email.Property(e => e.LastError).HasMaxLength(2000);
        email.Ignore(e => e.GaveUp);
        // The worker asks for unsent mail that is due; this partial index keeps that query small.
        email.HasIndex(e => e.NextAttemptAt).HasFilter("\"SentAt\" IS NULL").HasDatabaseName("IX_EmailMessages_Due");
    }
}
