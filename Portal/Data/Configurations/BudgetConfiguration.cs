using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Applications;
using Portal.Domain.Budget;
using Portal.Domain.Schemes;

namespace Portal.Data.Configurations;

internal sealed class SchemeBudgetConfiguration : IEntityTypeConfiguration<SchemeBudget>
{
    public void Configure(EntityTypeBuilder<SchemeBudget> budget)
    {
        budget.ToTable("SchemeBudgets");
        budget.HasKey(b => b.SchemeId);
        budget.Property(b => b.SchemeId).ValueGeneratedNever();
        budget.Property(b => b.Order).HasConversion<string>().HasMaxLength(32);
        budget.HasOne<Scheme>().WithOne().HasForeignKey<SchemeBudget>(b => b.SchemeId).OnDelete(DeleteBehavior.Cascade);
        budget.HasMany(b => b.Reservations).WithOne().HasForeignKey(r => r.SchemeId).OnDelete(DeleteBehavior.Cascade);
        budget.HasMany(b => b.Draws).WithOne().HasForeignKey(d => d.SchemeId).OnDelete(DeleteBehavior.Cascade);
        budget.Navigation(b => b.Reservations).HasField("reservations");
        budget.Navigation(b => b.Draws).HasField("draws");
        budget.Ignore(b => b.DomainEvents);
    }
}

internal sealed class BudgetReservationConfiguration : IEntityTypeConfiguration<BudgetReservation>
{
    public void Configure(EntityTypeBuilder<BudgetReservation> reservation)
    {
        reservation.ToTable("BudgetReservations");
        reservation.HasKey(r => r.Id);
        reservation.Property(r => r.Id).ValueGeneratedNever();
        reservation.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        reservation.Property(r => r.ReleaseReason).HasMaxLength(32);
        reservation.Ignore(r => r.Amount);
        reservation.Ignore(r => r.IsHeld);
        reservation.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // One live reservation per application: a second one would hold its money twice.
        reservation.HasIndex(r => r.ApplicationId).IsUnique().HasFilter("\"State\" <> 'Released'");
        // The sums per scheme (inbox, catalogue) come from this index alone, without reading the rows.
        reservation.HasIndex(r => new { r.SchemeId, r.State }).IncludeProperties(r => new { r.AmountCents, r.GrantedCents });
        // The days still to be drawn are few; finding them must not read every reservation.
        reservation.HasIndex(r => r.CompleteOn).HasFilter("\"DrawPosition\" IS NULL").HasDatabaseName("IX_BudgetReservations_Undrawn");
    }
}

/// <summary>Kept by a trigger on "BudgetReservations" (migration 0020); the portal only reads it.</summary>
internal sealed class SchemeBudgetTotalConfiguration : IEntityTypeConfiguration<SchemeBudgetTotal>
{
    public void Configure(EntityTypeBuilder<SchemeBudgetTotal> total)
    {
        total.ToTable("SchemeBudgetTotals");
        total.HasKey(t => t.SchemeId);
        total.Property(t => t.SchemeId).ValueGeneratedNever();
        total.HasOne<SchemeBudget>().WithOne().HasForeignKey<SchemeBudgetTotal>(t => t.SchemeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BudgetDrawConfiguration : IEntityTypeConfiguration<BudgetDraw>
{
    public void Configure(EntityTypeBuilder<BudgetDraw> draw)
    {
        draw.ToTable("BudgetDraws");
        draw.HasKey(d => new { d.SchemeId, d.Day });
        draw.Property(d => d.Seed).HasMaxLength(BudgetDraw.SeedLength).IsRequired();
    }
}
