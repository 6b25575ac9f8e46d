using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Schemes;

namespace Portal.Data.Configurations;

internal sealed class SchemeConfiguration : IEntityTypeConfiguration<Scheme>
{
    public void Configure(EntityTypeBuilder<Scheme> scheme)
    {
        scheme.ToTable("Schemes");
        scheme.HasKey(s => s.Id);
        scheme.Property(s => s.Id).UseIdentityAlwaysColumn();
        scheme.Property(s => s.Slug).HasMaxLength(64).IsRequired();
        scheme.HasIndex(s => s.Slug).IsUnique();
        scheme.Ignore(s => s.Minimum);
        scheme.Ignore(s => s.Maximum);
        scheme.Ignore(s => s.NoDocumentsUpTo);
        scheme.Ignore(s => s.DirectVaststellingUpTo);
        scheme.Property(s => s.DirectVaststellingUpToCents).HasDefaultValue(Domain.Decisions.Decision.DefaultDirectVaststellingUpTo.Cents);
    }
}
