using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Applications;
using Portal.Domain.Decisions;

namespace Portal.Data.Configurations;

internal sealed class ActivityReportConfiguration : IEntityTypeConfiguration<ActivityReport>
{
    public void Configure(EntityTypeBuilder<ActivityReport> report)
    {
        report.ToTable("ActivityReports");
        report.HasKey(r => r.Id);
        report.Property(r => r.Id).ValueGeneratedNever();
        report.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // One report per verlening: a second click, or two members at once, cannot give two.
        report.HasOne<Decision>().WithMany().HasForeignKey(r => r.DecisionId).OnDelete(DeleteBehavior.Cascade);
        report.HasIndex(r => r.DecisionId).IsUnique();
        report.HasIndex(r => r.ApplicationId);
        report.Property(r => r.Happened).HasConversion<string>().HasMaxLength(8);
        report.Property(r => r.SubmittedRole).HasConversion<string>().HasMaxLength(16);
        report.Property(r => r.WentWell).HasMaxLength(ActivityReport.MaxTextLength).IsRequired();
        report.Property(r => r.Story).HasMaxLength(ActivityReport.MaxTextLength);
        report.Property(r => r.PhotoFileName).HasMaxLength(255);
        report.Property(r => r.PhotoContentType).HasMaxLength(100);
        report.Ignore(r => r.HasPhoto);
        report.Ignore(r => r.PhotoMayBeShared);
        report.Ignore(r => r.ActualCost);
        report.Ignore(r => r.DomainEvents);
    }
}

internal sealed class ActivityReportPhotoConfiguration : IEntityTypeConfiguration<ActivityReportPhoto>
{
    public void Configure(EntityTypeBuilder<ActivityReportPhoto> photo)
    {
        photo.ToTable("ActivityReportPhotos");
        photo.HasKey(p => p.ReportId);
        photo.Property(p => p.Content).IsRequired();
        photo.HasOne<ActivityReport>().WithOne().HasForeignKey<ActivityReportPhoto>(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportReminderConfiguration : IEntityTypeConfiguration<ReportReminder>
{
    public void Configure(EntityTypeBuilder<ReportReminder> reminder)
    {
        reminder.ToTable("ReportReminders");
        reminder.HasKey(r => new { r.DecisionId, r.Kind });
        reminder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        reminder.HasOne<Decision>().WithMany().HasForeignKey(r => r.DecisionId).OnDelete(DeleteBehavior.Cascade);
    }
}
