using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Applications;

namespace Portal.Data.Configurations;

internal sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> request)
    {
        request.ToTable("InformationRequests");
        request.HasKey(r => r.Id);
        request.Property(r => r.Id).ValueGeneratedNever();
        request.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        request.Property(r => r.AboutKey).HasMaxLength(64);
        request.Ignore(r => r.About);
        request.Ignore(r => r.SentOn);
        request.Ignore(r => r.IsOpen);
    }
}

internal sealed class DelayConsentConfiguration : IEntityTypeConfiguration<DelayConsent>
{
    public void Configure(EntityTypeBuilder<DelayConsent> consent)
    {
        consent.ToTable("DelayConsents");
        consent.HasKey(c => c.Id);
        consent.Property(c => c.Id).ValueGeneratedNever();
        consent.Property(c => c.Statement).HasMaxLength(DelayConsent.MaxStatementLength).IsRequired();
    }
}

internal sealed class TermExtensionConfiguration : IEntityTypeConfiguration<TermExtension>
{
    public void Configure(EntityTypeBuilder<TermExtension> extension)
    {
        extension.ToTable("TermExtensions");
        extension.HasKey(e => e.Id);
        extension.Property(e => e.Id).ValueGeneratedNever();
        extension.Property(e => e.Reason).HasMaxLength(TermExtension.MaxReasonLength).IsRequired();
        extension.Ignore(e => e.AsExtension);
    }
}

internal sealed class DefaultNoticeConfiguration : IEntityTypeConfiguration<DefaultNotice>
{
    public void Configure(EntityTypeBuilder<DefaultNotice> notice)
    {
        notice.ToTable("DefaultNotices");
        notice.HasKey(n => n.Id);
        notice.Property(n => n.Id).ValueGeneratedNever();
        notice.Property(n => n.Statement).HasMaxLength(DefaultNotice.MaxStatementLength);
        notice.Ignore(n => n.ReceivedOn);
    }
}
