using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Data.Configurations;

/// <summary>
/// The package's key entity on the table of 0001_initial, unchanged: keys stored before the package took over stay
/// readable, and during a rolling deploy old and new nodes read each other's keys. The package leaves Xml nullable;
/// the table never held a key without XML, so it stays NOT NULL.
/// </summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> key)
    {
        key.ToTable("DataProtectionKeys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).UseIdentityAlwaysColumn();
        key.Property(k => k.Xml).IsRequired();
    }
}
