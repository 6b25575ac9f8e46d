using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Decisions;

namespace Portal.Data.Configurations;

internal sealed class DecisionDocumentConfiguration : IEntityTypeConfiguration<DecisionDocument>
{
    public void Configure(EntityTypeBuilder<DecisionDocument> document)
    {
        document.ToTable("DecisionDocuments");
        document.HasKey(d => d.DecisionId);
        document.Property(d => d.Content).IsRequired();
        document.Property(d => d.SummaryLanguage).HasMaxLength(8);
        document.HasOne<Decision>().WithOne().HasForeignKey<DecisionDocument>(d => d.DecisionId).OnDelete(DeleteBehavior.Cascade);
    }
}
