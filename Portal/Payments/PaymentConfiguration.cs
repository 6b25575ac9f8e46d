using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Applications;
using Portal.Domain.Decisions;
using Portal.Domain.Payments;

namespace Portal.Payments;

internal sealed class PaymentBatchConfiguration : IEntityTypeConfiguration<PaymentBatch>
{
    public void Configure(EntityTypeBuilder<PaymentBatch> batch)
    {
        batch.ToTable("PaymentBatches");
        batch.HasKey(b => b.Id);
        batch.Property(b => b.Id).ValueGeneratedNever();
        // Batches are numbered one at a time under a lock; the index makes a second batch with the same number impossible anyway.
        batch.HasIndex(b => b.Number).IsUnique();
        batch.Property(b => b.MessageId).HasMaxLength(PaymentBatch.MaxIdLength).IsRequired();
        batch.HasIndex(b => b.MessageId).IsUnique();
        batch.Property(b => b.DebtorName).HasMaxLength(PaymentBatch.MaxNameLength).IsRequired();
        batch.Property(b => b.DebtorIban).HasMaxLength(34).IsRequired();
        batch.Property(b => b.DebtorBic).HasMaxLength(11).IsRequired();
        batch.HasMany(b => b.Payments).WithOne().HasForeignKey(p => p.BatchId).OnDelete(DeleteBehavior.Restrict);
        batch.Navigation(b => b.Payments).HasField("payments");
        batch.Ignore(b => b.Total);
        batch.Ignore(b => b.DomainEvents);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> payment)
    {
        payment.ToTable("Payments");
        payment.HasKey(p => p.Id);
        payment.Property(p => p.Id).ValueGeneratedNever();
        // Each decision is paid in at most one batch: two batches made at the same moment cannot both hold it.
        payment.HasIndex(p => p.DecisionId).IsUnique();
        payment.HasIndex(p => p.ApplicationId);
        payment.HasIndex(p => p.BatchId);
        payment.HasOne<Decision>().WithMany().HasForeignKey(p => p.DecisionId).OnDelete(DeleteBehavior.Restrict);
        payment.HasOne<Application>().WithMany().HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        payment.Property(p => p.Reference).HasMaxLength(16).IsRequired();
        payment.Property(p => p.CreditorName).HasMaxLength(PaymentBatch.MaxNameLength).IsRequired();
        payment.Property(p => p.CreditorIban).HasMaxLength(34).IsRequired();
        payment.Property(p => p.EndToEndId).HasMaxLength(PaymentBatch.MaxIdLength).IsRequired();
        payment.Property(p => p.RemittanceInformation).HasMaxLength(PaymentBatch.MaxRemittanceLength).IsRequired();
        payment.Ignore(p => p.Amount);
    }
}
