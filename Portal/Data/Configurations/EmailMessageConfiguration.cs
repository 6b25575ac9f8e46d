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
        // A claim changes the row; marking it sent or failed must not overwrite a newer claim by another worker.
        email.Property(e => e.Version).IsRowVersion();
        email.Ignore(e => e.GaveUp);
        email.Ignore(e => e.RecipientDomain);
        // The worker asks for unsent mail that is due, the admins' page for unsent mail that failed: this partial
        // index keeps both small, as sent mail (nearly all rows) is not in it.
        email.HasIndex(e => e.NextAttemptAt).HasFilter("\"SentAt\" IS NULL").HasDatabaseName("IX_EmailMessages_Due");
    }
}
