using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Applications;
using Portal.Domain.Comments;

namespace Portal.Data.Configurations;

internal sealed class QuestionCommentConfiguration : IEntityTypeConfiguration<QuestionComment>
{
    public void Configure(EntityTypeBuilder<QuestionComment> comment)
    {
        comment.ToTable("QuestionComments");
        comment.HasKey(c => c.Id);
        comment.Property(c => c.Id).ValueGeneratedNever();
        comment.Property(c => c.About).HasMaxLength(CommentPlace.MaxLength).IsRequired();
        comment.Property(c => c.Text).HasMaxLength(QuestionComment.MaxLength).IsRequired();
        comment.Property(c => c.AuthorRole).HasConversion<string>().HasMaxLength(16);
        comment.Property(c => c.Version).IsRowVersion();
        comment.Ignore(c => c.IsDone);
        comment.Ignore(c => c.Section);
        comment.Ignore(c => c.DomainEvents);
        comment.HasMany(c => c.Replies).WithOne().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
        comment.Navigation(c => c.Replies).HasField("replies");
        // Every question page and the task list read the comments of one application.
        comment.HasIndex(c => new { c.ApplicationId, c.CreatedAt });
        comment.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // Who wrote it stays known as long as the comment exists: an account with comments is not deleted silently.
        comment.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommentReplyConfiguration : IEntityTypeConfiguration<CommentReply>
{
    public void Configure(EntityTypeBuilder<CommentReply> reply)
    {
        reply.ToTable("CommentReplies");
        reply.HasKey(r => r.Id);
        reply.Property(r => r.Id).ValueGeneratedNever();
        reply.Property(r => r.Text).HasMaxLength(QuestionComment.MaxLength).IsRequired();
        reply.Property(r => r.AuthorRole).HasConversion<string>().HasMaxLength(16);
        reply.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AnswerSummaryConfiguration : IEntityTypeConfiguration<AnswerSummary>
{
    public void Configure(EntityTypeBuilder<AnswerSummary> summary)
    {
        summary.ToTable("AnswerSummaries");
        summary.HasKey(s => s.Id);
        summary.Property(s => s.Id).ValueGeneratedNever();
        summary.Property(s => s.Question).HasMaxLength(CommentPlace.MaxLength).IsRequired();
        summary.Property(s => s.Text).HasMaxLength(AnswerSummary.MaxLength).IsRequired();
        summary.Property(s => s.Version).IsRowVersion();
        summary.Ignore(s => s.DomainEvents);
        // One summary per answer: two coaches writing at once give one row, the second save is refused.
        summary.HasIndex(s => new { s.ApplicationId, s.Question }).IsUnique();
        summary.HasOne<Application>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        summary.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.WrittenBy).OnDelete(DeleteBehavior.Restrict);
    }
}
