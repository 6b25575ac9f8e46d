using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Data.Configurations;

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
