using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Coaching;
using Portal.Domain.Common;
using Portal.Domain.Terms;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Coaching;

/// <summary>
/// Issue 10: a request for a coach is stored as asked (Arabic and emoji included) and read back whole, as the app role
/// may; and of two coaches who click "claim" at the same moment, exactly one gets it — the database's row version
/// refuses the second save, which the dashboard turns into "another coach has just taken this request".
/// </summary>
[Collection(Db.Organisations)]
public sealed class HelpRequestStoreTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset Thursday = new(2026, 4, 23, 12, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static HelpRequest Ask() =>
        new(new HelpOrigin("/applications/x/budget", "samen-doen", Guid.NewGuid(), "budget", "costs"), HelpTopic.Budget,
            "هل يمكنني طلب المال للطعام؟ 🍲", HelpChannel.WhatsApp, "ar", ReachableAt.Evening | ReachableAt.Weekend,
            interpreterNeeded: true, CoachGender.Woman, Requester.Anonymous("Hawa", "06-12 34 56 78", null), Thursday,
            AtwCalendar.Netherlands);

    [Fact]
    public async Task A_request_is_stored_and_read_back_whole_by_the_app_role()
    {
        var asked = Ask();
        await using (var db = fixture.Database.NewAppContext())
        {
            db.HelpRequests.Add(asked);
            await db.SaveChangesAsync();
        }

        await using var read = fixture.Database.NewAppContext();
        var stored = await read.HelpRequests.SingleAsync(r => r.Id == asked.Id);
        Assert.Equal(asked.Origin, stored.Origin);
        Assert.Equal("هل يمكنني طلب المال للطعام؟ 🍲", stored.Question);
        Assert.Equal(HelpChannel.WhatsApp, stored.Channel);
        Assert.Equal(ReachableAt.Evening | ReachableAt.Weekend, stored.ReachableAt);
        Assert.True(stored.InterpreterNeeded);
        Assert.Equal(CoachGender.Woman, stored.CoachGender);
        Assert.Equal("Hawa", stored.Requester.Name);
        Assert.Equal("+31612345678", stored.Requester.Phone);
        Assert.Null(stored.Requester.UserId);
        Assert.Equal(new DateOnly(2026, 4, 28), stored.AnswerBy);
        Assert.Equal(HelpRequestState.Open, stored.State);
    }

    [Fact]
    public async Task Of_two_coaches_claiming_at_the_same_moment_exactly_one_gets_the_request()
    {
        var fatima = await TestAccounts.CreateAsync(fixture.Factory, "fatima.coach@example.org", Roles.Coach);
        var yonas = await TestAccounts.CreateAsync(fixture.Factory, "yonas.coach@example.org", Roles.Coach);
        var asked = Ask();
        await using (var db = fixture.Database.NewAppContext())
        {
            db.HelpRequests.Add(asked);
            await db.SaveChangesAsync();
        }

        // Both dashboards read the open request before either saves, then both save at once.
        await using var first = fixture.Database.NewAppContext();
        await using var second = fixture.Database.NewAppContext();
        var seenByFatima = await first.HelpRequests.SingleAsync(r => r.Id == asked.Id);
        var seenByYonas = await second.HelpRequests.SingleAsync(r => r.Id == asked.Id);
        seenByFatima.Claim(fatima.Id, Thursday.AddHours(1));
        seenByYonas.Claim(yonas.Id, Thursday.AddHours(1));
        using var start = new Barrier(2);
        var results = await Task.WhenAll(
            Task.Run(async () => { start.SignalAndWait(); return await Save(first); }),
            Task.Run(async () => { start.SignalAndWait(); return await Save(second); }));

        Assert.Equal(1, results.Count(won => won));
        await using var read = fixture.Database.NewAppContext();
        var stored = await read.HelpRequests.SingleAsync(r => r.Id == asked.Id);
        var winner = results[0] ? fatima.Id : yonas.Id;
        Assert.Equal(winner, stored.CoachId);
        Assert.Equal(HelpRequestState.Claimed, stored.State);
        // The loser, reading again, is told in words: the request is taken.
        Assert.Equal("Coaching.Request.AlreadyClaimed",
            Assert.Throws<DomainException>(() => stored.Claim(results[0] ? yonas.Id : fatima.Id, Thursday.AddHours(2))).MessageKey);
    }

    private static async Task<bool> Save(PortalDbContext db)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
