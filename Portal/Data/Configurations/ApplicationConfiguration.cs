using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Applications;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;

namespace Portal.Data.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> application)
    {
        application.ToTable("Applications");
        application.HasKey(a => a.Id);
        application.Property(a => a.Status).HasConversion<string>().HasMaxLength(32);
        application.Property(a => a.Reference).HasMaxLength(16);
        application.HasIndex(a => a.Reference).IsUnique();
        application.Property(a => a.AnswerLanguage).HasMaxLength(8).IsRequired();
        // The longest answers are the domain's (QuestionKey), written once.
        application.Property(a => a.Title).HasMaxLength(QuestionKey.Title.MaxLength!.Value);
        application.Property(a => a.Description).HasMaxLength(QuestionKey.Description.MaxLength!.Value);
        application.Property(a => a.ForWhom).HasMaxLength(QuestionKey.ForWhom.MaxLength!.Value);
        application.Property(a => a.Neighbourhood).HasMaxLength(100);
        application.Property(a => a.HowOthersJoin).HasMaxLength(QuestionKey.HowOthersJoin.MaxLength!.Value);
        application.Property(a => a.ProposedOutcome).HasConversion<string>().HasMaxLength(32);
        application.Property(a => a.Suggestions).HasMaxLength(Application.MaxSuggestionsLength);
        application.Property<string>("questionSuggestions").HasColumnName("QuestionSuggestions").HasColumnType("jsonb").IsRequired();
        application.Ignore(a => a.SuggestionsAtQuestions);
        application.Ignore(a => a.DecidedAt);
        application.Property(a => a.Version).IsRowVersion();
        application.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        application.HasOne<Scheme>().WithMany().HasForeignKey(a => a.SchemeId).OnDelete(DeleteBehavior.Restrict);
        application.HasIndex(a => new { a.OrganisationId, a.UpdatedAt });
        application.HasMany(a => a.BudgetLines).WithOne().HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        application.HasMany(a => a.Attachments).WithOne().HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        application.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        application.Navigation(a => a.BudgetLines).HasField("budgetLines");
        application.Navigation(a => a.Attachments).HasField("attachments");
        application.Navigation(a => a.Events).HasField("events");
        application.HasMany(a => a.InformationRequests).WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        application.HasMany(a => a.DelayConsents).WithOne().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        application.HasMany(a => a.TermExtensions).WithOne().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        application.Navigation(a => a.InformationRequests).HasField("informationRequests");
        application.Navigation(a => a.DelayConsents).HasField("delayConsents");
        application.Navigation(a => a.TermExtensions).HasField("termExtensions");
        application.HasOne(a => a.DefaultNotice).WithOne().HasForeignKey<DefaultNotice>(n => n.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        application.Ignore(a => a.DomainEvents);
        application.Ignore(a => a.IsEditable);
        foreach (var computed in new[] { nameof(Application.TotalCosts), nameof(Application.OwnContribution), nameof(Application.OtherFunding),
                     nameof(Application.Requested), nameof(Application.ActivityStatus), nameof(Application.BudgetStatus), nameof(Application.DecidedOn) })
            application.Ignore(computed);
    }
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> line)
    {
        line.ToTable("BudgetLines");
        line.HasKey(l => l.Id);
        // Rows get their id in the domain; without this EF would take a new row for an existing one and UPDATE it.
        line.Property(l => l.Id).ValueGeneratedNever();
        line.Property(l => l.Category).HasConversion<string>().HasMaxLength(32);
        line.Property(l => l.Description).HasMaxLength(QuestionKey.Costs.MaxLength!.Value);
        line.Ignore(l => l.Amount);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.ToTable("Attachments");
        attachment.HasKey(a => a.Id);
        attachment.Property(a => a.Id).ValueGeneratedNever();
        attachment.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
        attachment.Property(a => a.FileName).HasMaxLength(255).IsRequired();
        attachment.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
    }
}

internal sealed class AttachmentFileConfiguration : IEntityTypeConfiguration<AttachmentFile>
{
    public void Configure(EntityTypeBuilder<AttachmentFile> file)
    {
        file.ToTable("AttachmentFiles");
        file.HasKey(f => f.AttachmentId);
        file.Property(f => f.Content).IsRequired();
        file.HasOne<Attachment>().WithOne().HasForeignKey<AttachmentFile>(f => f.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> e)
    {
        e.ToTable("ApplicationEvents");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
    }
}

internal sealed class EaseFeedbackConfiguration : IEntityTypeConfiguration<EaseFeedback>
{
    public void Configure(EntityTypeBuilder<EaseFeedback> feedback)
    {
        feedback.ToTable("EaseFeedback");
        feedback.HasKey(f => f.Id);
        feedback.Property(f => f.Id).UseIdentityAlwaysColumn();
        feedback.Property(f => f.Comment).HasMaxLength(2000);
        feedback.HasOne<Application>().WithMany().HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        feedback.HasIndex(f => f.ApplicationId).IsUnique();
    }
}
