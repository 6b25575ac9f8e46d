using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Organisations;

namespace Portal.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.ToTable("Organisations");
        organisation.HasKey(o => o.Id);
        organisation.Property(o => o.Name).HasMaxLength(200).IsRequired();
        organisation.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        organisation.Property(o => o.HowOrganised).HasMaxLength(2000);
        organisation.Property(o => o.Neighbourhood).HasMaxLength(100);
        organisation.Property(o => o.ContactName).HasMaxLength(200);
        organisation.Property(o => o.ContactPhone).HasMaxLength(40);
        organisation.Property(o => o.KvkNumber).HasMaxLength(8);
        organisation.Property(o => o.PaymentRoute).HasConversion<string>().HasMaxLength(32);
        organisation.Property(o => o.Iban).HasMaxLength(34);
        organisation.Property(o => o.AccountHolder).HasMaxLength(200);
        organisation.Property(o => o.HostName).HasMaxLength(200);
        organisation.Property(o => o.HostContactName).HasMaxLength(200);
        organisation.Property(o => o.HostEmail).HasMaxLength(320);
        organisation.Property(o => o.HostIban).HasMaxLength(34);
        // Optimistic concurrency on PostgreSQL's xmin: two tabs never overwrite each other silently.
        organisation.Property(o => o.Version).IsRowVersion();
        organisation.Ignore(o => o.IsComplete);
        organisation.Ignore(o => o.DomainEvents);
        organisation.HasMany(o => o.Members).WithOne().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        organisation.Navigation(o => o.Members).HasField("members");
        // A coach whose account goes leaves the group without a fixed coach, not without its history.
        organisation.HasOne<PortalUser>().WithMany().HasForeignKey(o => o.FixedCoachId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class OrganisationMemberConfiguration : IEntityTypeConfiguration<OrganisationMember>
{
    public void Configure(EntityTypeBuilder<OrganisationMember> member)
    {
        member.ToTable("OrganisationMembers");
        member.HasKey(m => new { m.OrganisationId, m.UserId });
        member.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        member.HasIndex(m => m.UserId);
    }
}
