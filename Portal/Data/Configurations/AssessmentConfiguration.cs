using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Applications;
using Portal.Domain.Assessment;
using Portal.Domain.Schemes;

namespace Portal.Data.Configurations;

internal sealed class AssessmentFrameworkConfiguration : IEntityTypeConfiguration<AssessmentFramework>
{
    public void Configure(EntityTypeBuilder<AssessmentFramework> framework)
    {
        framework.ToTable("AssessmentFrameworks");
        framework.HasKey(f => f.SchemeId);
        framework.Property(f => f.SchemeId).ValueGeneratedNever();
        framework.HasOne<Scheme>().WithOne().HasForeignKey<AssessmentFramework>(f => f.SchemeId).OnDelete(DeleteBehavior.Cascade);
        framework.Ignore(f => f.Criteria);
        framework.HasMany<AssessmentCriterion>("criteria").WithOne().HasForeignKey(c => c.SchemeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentCriterionConfiguration : IEntityTypeConfiguration<AssessmentCriterion>
{
    public void Configure(EntityTypeBuilder<AssessmentCriterion> criterion)
    {
        criterion.ToTable("AssessmentCriteria");
        criterion.HasKey(c => new { c.SchemeId, c.Key });
        criterion.Property(c => c.Key).HasMaxLength(64);
    }
}

internal sealed class ApplicationAssessmentConfiguration : IEntityTypeConfiguration<ApplicationAssessment>
{
    public void Configure(EntityTypeBuilder<ApplicationAssessment> assessment)
    {
        assessment.ToTable("Assessments");
        assessment.HasKey(a => a.Id);
        assessment.Property(a => a.Id).ValueGeneratedNever();
        assessment.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
        assessment.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(32);
        assessment.Property(a => a.Feedback).HasMaxLength(ApplicationAssessment.MaxTextLength);
        assessment.Property(a => a.ReasonText).HasMaxLength(ApplicationAssessment.MaxTextLength);
        assessment.Property(a => a.ReasonKeys).HasMaxLength(500);
        assessment.Property(a => a.SentBackNote).HasMaxLength(ApplicationAssessment.MaxNoteLength);
        assessment.Property<string>("questionSuggestions").HasColumnName("QuestionSuggestions").HasColumnType("jsonb").IsRequired();
        assessment.Ignore(a => a.SuggestionsAtQuestions);
        // Optimistic concurrency on xmin: a draft saved in two tabs, or an approval racing a send-back.
        assessment.Property(a => a.Version).IsRowVersion();
        assessment.Ignore(a => a.DomainEvents);
        assessment.Ignore(a => a.Reasons);
        assessment.Ignore(a => a.GrantAmount);
        // One draft per reviewer and application.
        assessment.HasIndex(a => new { a.ApplicationId, a.AssessorId }).IsUnique();
        // The approver's list: proposals waiting, oldest first.
        assessment.HasIndex(a => new { a.State, a.ProposedAt });
        assessment.HasOne<Application>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        assessment.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.AssessorId).OnDelete(DeleteBehavior.Restrict);
        assessment.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        assessment.Navigation(a => a.Scores).HasField("scores");
        assessment.HasMany(a => a.Cuts).WithOne().HasForeignKey(c => c.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        assessment.Navigation(a => a.Cuts).HasField("cuts");
    }
}

internal sealed class CriterionScoreConfiguration : IEntityTypeConfiguration<CriterionScore>
{
    public void Configure(EntityTypeBuilder<CriterionScore> score)
    {
        score.ToTable("AssessmentScores");
        score.HasKey(s => s.Id);
        score.Property(s => s.Id).ValueGeneratedNever();
        score.Property(s => s.CriterionKey).HasMaxLength(64);
        score.Property(s => s.Mark).HasConversion<string>().HasMaxLength(24);
        score.Property(s => s.Note).HasMaxLength(ApplicationAssessment.MaxNoteLength);
        score.HasIndex(s => new { s.AssessmentId, s.CriterionKey }).IsUnique();
    }
}

internal sealed class BudgetCutConfiguration : IEntityTypeConfiguration<BudgetCut>
{
    public void Configure(EntityTypeBuilder<BudgetCut> cut)
    {
        cut.ToTable("AssessmentCuts");
        cut.HasKey(c => c.Id);
        cut.Property(c => c.Id).ValueGeneratedNever();
        cut.Property(c => c.Reason).HasMaxLength(ApplicationAssessment.MaxCutReasonLength);
        cut.Ignore(c => c.Amount);
        cut.HasIndex(c => c.AssessmentId);
        cut.HasOne<BudgetLine>().WithMany().HasForeignKey(c => c.BudgetLineId).OnDelete(DeleteBehavior.Cascade);
    }
}
