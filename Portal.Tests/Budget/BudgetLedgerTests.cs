using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Applications;
using Portal.Domain.Budget;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using Portal.Review;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Budget;

/// <summary>
/// Issue 11, point 9, against PostgreSQL: budget follows the applications' state (held when complete, given back on a
/// completeness request, withdrawal or refusal, held again from the day of the answer), and approvals racing for one
/// scheme's ceiling are taken one after the other under a row lock — never more than the ceiling, never out of order,
/// never one reservation spent twice.
/// </summary>
[Collection(Db.ApplicationParts)]
public sealed class BudgetLedgerTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly Actor Reviewer = Actor.Reviewer(Guid.NewGuid());
    private static readonly Actor Approver = Actor.Approver(Guid.NewGuid());
    private int references;

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Organisation> GroupAsync()
    {
        var member = await TestAccounts.CreateAsync(fixture.Factory, $"lid{Guid.NewGuid():N}@example.org", Portal.Domain.Accounts.Roles.Applicant);
        return await TestApplications.OrganisationAsync(fixture.Database, member.Id);
    }

    /// <summary>An application for Samen Doen submitted at <paramref name="at"/> (so complete then), asking <paramref name="euros"/>.</summary>
    private async Task<Guid> SubmittedAsync(Organisation group, DateTimeOffset at, long euros = 800)
    {
        var draft = await TestApplications.DraftAsync(fixture.Database, group, costEuros: euros, at: at);
        await using var db = fixture.Database.NewContext();
        var application = await db.Applications.Include(a => a.BudgetLines).Include(a => a.Events).SingleAsync(a => a.Id == draft.Id);
        var scheme = await db.Schemes.SingleAsync(s => s.Id == application.SchemeId);
        application.Submit(scheme, group, declarationAccepted: true, $"NIJ-2026-{++references:00000}", Actor.Applicant(group.Members[0].UserId), at);
        await db.SaveChangesAsync();
        return application.Id;
    }

    private async Task SetCeilingAsync(long euros) =>
        await fixture.Database.Database.ExecuteAsync($"""UPDATE "Schemes" SET "BudgetCeilingCents" = {euros * 100} WHERE "Slug" = '{DemoSchemes.SamenDoen}'""");

    private async Task<List<BudgetReservation>> ReservationsAsync(Guid applicationId)
    {
        await using var db = fixture.Database.NewContext();
        return await db.Set<BudgetReservation>().Where(r => r.ApplicationId == applicationId).OrderBy(r => r.CompleteAt).ToListAsync();
    }

    private async Task ChangeAsync(Guid applicationId, Action<Application> change)
    {
        await using var db = fixture.Database.NewContext();
        var application = await db.Applications.Include(a => a.Events).Include(a => a.InformationRequests).Include(a => a.DelayConsents)
            .SingleAsync(a => a.Id == applicationId);
        change(application);
        await db.SaveChangesAsync();
    }

    /// <summary>09:00 in Nijmegen, <paramref name="days"/> days ago: far from midnight, so minutes later is still the same day.</summary>
    internal static DateTimeOffset DaysAgo(int days) =>
        Domain.DecisionTermTests.At(NijmegenTime.DayOf(DateTimeOffset.UtcNow).AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToUniversalTime();

    [Fact]
    public async Task Budget_is_held_when_complete_given_back_by_a_completeness_request_and_held_again_from_the_day_of_the_answer()
    {
        var group = await GroupAsync();
        var id = await SubmittedAsync(group, DaysAgo(20), euros: 800);

        var held = Assert.Single(await ReservationsAsync(id));
        Assert.Equal((ReservationState.Reserved, 800_00L, NijmegenTime.DayOf(DaysAgo(20))), (held.State, held.AmountCents, held.CompleteOn));

        Guid requestId = default;
        await ChangeAsync(id, a =>
        {
            a.StartReview(Reviewer, DaysAgo(15));
            requestId = a.RequestCompletion(null, NijmegenTime.DayOf(DaysAgo(1)), AtwCalendar.Netherlands, Reviewer, DaysAgo(15)).Id;
        });
        var released = Assert.Single(await ReservationsAsync(id));
        Assert.Equal((ReservationState.Released, "Incomplete"), (released.State, released.ReleaseReason));

        await ChangeAsync(id, a => a.AnswerInformationRequest(requestId, Actor.Applicant(group.Members[0].UserId), DaysAgo(10)));

        var again = await ReservationsAsync(id);
        Assert.Equal(2, again.Count);
        Assert.Equal((ReservationState.Reserved, NijmegenTime.DayOf(DaysAgo(10))), (again[1].State, again[1].CompleteOn));
        await using var db = fixture.Database.NewContext();
        var audit = await db.AuditEvents.Where(e => e.ObjectId == id && e.Kind.StartsWith("budget.")).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
        Assert.Equal(["budget.reserved", "budget.released", "budget.reserved"], audit);
    }

    [Fact]
    public async Task Withdrawal_and_refusal_give_the_budget_back_and_a_lapsed_request_does_not_make_an_application_complete()
    {
        var group = await GroupAsync();
        var withdrawn = await SubmittedAsync(group, DaysAgo(30));
        var refused = await SubmittedAsync(group, DaysAgo(29));
        var lapsed = await SubmittedAsync(group, DaysAgo(28));

        await ChangeAsync(withdrawn, a => a.Withdraw(Actor.Applicant(group.Members[0].UserId), DaysAgo(5)));
        await ChangeAsync(refused, a =>
        {
            a.StartReview(Reviewer, DaysAgo(5));
            a.ProposeDecision(ProposedOutcome.Refuse, Reviewer, DaysAgo(5));
            a.Decide(Approver, DaysAgo(4));
        });
        await ChangeAsync(lapsed, a =>
        {
            a.StartReview(Reviewer, DaysAgo(20));
            a.RequestCompletion(null, NijmegenTime.DayOf(DaysAgo(10)), AtwCalendar.Netherlands, Reviewer, DaysAgo(20));
        });
        await ChangeAsync(lapsed, a => a.CloseLapsedRequests(DaysAgo(2)));

        Assert.Equal("Withdrawn", Assert.Single(await ReservationsAsync(withdrawn)).ReleaseReason);
        Assert.Equal("Rejected", Assert.Single(await ReservationsAsync(refused)).ReleaseReason);
        Assert.DoesNotContain(await ReservationsAsync(lapsed), r => r.State != ReservationState.Released);
        await using var db = fixture.Database.NewContext();
        var remaining = Assert.Single(await BudgetOverview.RemainingAsync(db, [await db.Schemes.Where(s => s.Slug == DemoSchemes.SamenDoen).Select(s => s.Id).SingleAsync()]));
        Assert.Equal(Money.Zero, remaining.Reserved);
    }

    [Fact]
    public async Task Approvals_racing_for_one_ceiling_never_grant_more_than_it_and_never_out_of_order()
    {
        var group = await GroupAsync();
        long grantedBefore = 0;
        for (var round = 0; round < 5; round++)
        {
            // Four complete applications of € 800 on four past days, under € 2,000 more than what earlier rounds granted.
            await SetCeilingAsync(grantedBefore / 100 + 2_000);
            var inOrder = new List<Guid>();
            for (var day = 4; day >= 1; day--) inOrder.Add(await SubmittedAsync(group, DaysAgo(10 * (round + 1) + day)));

            await using (var db = fixture.Database.NewContext()) await new BudgetLedger(db, TimeProvider.System).HoldDrawsAsync();

            // All approve at the same moment: in even rounds each approves the full request, in odd rounds what the offer
            // said was left for it (looked at before the others approved).
            var full = round % 2 == 0;
            using var start = new Barrier(inOrder.Count);
            var outcomes = await Task.WhenAll(inOrder.Select(id => Task.Run(async () =>
            {
                await using var db = fixture.Database.NewContext();
                var ledger = new BudgetLedger(db, TimeProvider.System);
                var amount = full ? Money.FromEuros(800) : (await ledger.OfferAsync(id))!.Amount;
                start.SignalAndWait(TimeSpan.FromSeconds(30));
                if (amount.Cents == 0) return (id, Granted: 0L, Refused: "no offer");
                try
                {
                    await ledger.ApproveAsync(id, amount, Approver);
                    return (id, Granted: amount.Cents, Refused: (string?)null);
                }
                catch (DomainException refusal)
                {
                    return (id, Granted: 0L, Refused: refusal.MessageKey);
                }
            })));

            await using var check = fixture.Database.NewContext();
            var granted = await check.Set<BudgetReservation>().Where(r => r.State == ReservationState.Granted).SumAsync(r => r.GrantedCents ?? 0);
            Assert.True(granted <= grantedBefore + 2_000_00, $"round {round}: granted {granted} above the ceiling {grantedBefore + 2_000_00}");
            // The first two in line get all they asked; the third only what is left (or nothing when it asked for more); the fourth nothing.
            Assert.Equal([800_00L, 800_00L, full ? 0L : 400_00L, 0L], inOrder.Select(id => outcomes.Single(o => o.id == id).Granted));
            // Refused because the rest is held for the first two, or (once they are granted) because it would pass the ceiling.
            if (full) Assert.Contains(outcomes.Single(o => o.id == inOrder[2]).Refused, new[] { "Ceiling.HeldForEarlier", "Ceiling.Exceeded" });
            grantedBefore = granted;
        }
    }

    [Fact]
    public async Task One_application_approved_twice_at_the_same_moment_is_granted_once()
    {
        var group = await GroupAsync();
        await SetCeilingAsync(100_000);
        for (var round = 0; round < 5; round++)
        {
            var id = await SubmittedAsync(group, DaysAgo(3 + round));
            await using (var db = fixture.Database.NewContext()) await new BudgetLedger(db, TimeProvider.System).HoldDrawsAsync();

            using var start = new Barrier(2);
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                await using var db = fixture.Database.NewContext();
                var ledger = new BudgetLedger(db, TimeProvider.System);
                start.SignalAndWait(TimeSpan.FromSeconds(30));
                try
                {
                    await ledger.ApproveAsync(id, Money.FromEuros(800), Approver);
                    return null;
                }
                catch (DomainException refusal)
                {
                    return refusal.MessageKey;
                }
            })));

            Assert.Equal([null, "Ceiling.NotReserved"], outcomes.Order());
            await using var check = fixture.Database.NewContext();
            Assert.Equal(1, await check.AuditEvents.CountAsync(e => e.ObjectId == id && e.Kind == "budget.granted"));
        }
    }

    [Fact]
    public async Task Applications_complete_on_one_day_get_their_place_by_a_draw_stored_with_its_seed()
    {
        var group = await GroupAsync();
        var day = DaysAgo(5);
        var ids = new[] { await SubmittedAsync(group, day), await SubmittedAsync(group, day.AddMinutes(5)), await SubmittedAsync(group, day.AddMinutes(9)) };

        await using (var db = fixture.Database.NewContext()) await new BudgetLedger(db, TimeProvider.System).HoldDrawsAsync();

        await using var check = fixture.Database.NewContext();
        var draw = await check.Set<BudgetDraw>().SingleAsync();
        Assert.Equal(NijmegenTime.DayOf(day), draw.Day);
        Assert.Matches("^[0-9a-f]{32}$", draw.Seed);
        var positions = await check.Set<BudgetReservation>().OrderBy(r => r.DrawPosition).Select(r => r.ApplicationId).ToListAsync();
        Assert.Equal(BudgetDraw.Order(draw.Seed, ids), positions);
        Assert.Equal(3, await check.AuditEvents.CountAsync(e => e.Kind == "budget.drawn" && e.Detail!.Contains(draw.Seed)));
    }
}
