using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Data.Configurations;

internal sealed class KeptFormConfiguration : IEntityTypeConfiguration<KeptForm>
{
    public void Configure(EntityTypeBuilder<KeptForm> form)
    {
        form.ToTable("KeptForms");
        form.HasKey(f => f.Id);
        form.Property(f => f.Path).HasMaxLength(2048).IsRequired();
        form.Property(f => f.Query).HasMaxLength(2048).IsRequired();
        form.Property(f => f.ProtectedFields).IsRequired();
        form.HasIndex(f => new { f.UserId, f.Path });
        form.HasIndex(f => f.ExpiresAt);
        form.HasOne<PortalUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
