using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Coaching;
using Portal.Domain.Accounts;
using Portal.Domain.Coaching;
using Portal.Domain.Terms;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Coaching;

/// <summary>
/// Issue 10, points 2 and 11: coaches are emailed about new requests in their own language, several within 10 minutes as
/// one email; a request unclaimed for a working day goes to every coach and the admin; an overdue one reminds its coach
/// once; two nodes running at once send each email once.
/// </summary>
[Collection(Db.Coaching)]
public sealed class CoachNotifierTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    // Tuesday 3 March 2026, 10:00 in Nijmegen: no holiday near.
    private static readonly DateTimeOffset Tuesday = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private CoachNotifier Notifier(TimeProvider clock) => new(fixture.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
        new ConfigurationBuilder().Build(), NullLogger<CoachNotifier>.Instance, clock);

    private async Task<HelpRequest> AskAsync(DateTimeOffset at, string topic, params TestCoaches.TestCoach[] offeredTo)
    {
        var request = new HelpRequest(new HelpOrigin("/schemes/samen-doen", "samen-doen"), Enum.Parse<HelpTopic>(topic), null, HelpChannel.Phone,
            "ar", ReachableAt.Morning, false, CoachGender.NoPreference, Requester.Anonymous("Hawa", "0612345678", null), at, AtwCalendar.Netherlands);
        request.OfferTo(offeredTo.Select(c => c.Id), OfferReason.Match, at);
        await using var db = fixture.Database.NewContext();
        db.HelpRequests.Add(request);
        await db.SaveChangesAsync();
        return request;
    }

    private async Task<List<Portal.Domain.Email.EmailMessage>> MailToAsync(string to)
    {
        await using var db = fixture.Database.NewContext();
        return await db.EmailMessages.Where(m => m.To == to).OrderBy(m => m.CreatedAt).ToListAsync();
    }

    [Fact]
    public async Task Requests_within_ten_minutes_come_as_one_email_in_the_coachs_language_and_later_ones_as_the_next()
    {
        var fatima = await TestCoaches.CreateAsync(fixture, "fatima@example.org", "Fatima", ["ar"], ["Dukenburg"], language: "ar");
        var clock = new TestClock(Tuesday);
        await AskAsync(Tuesday, "Budget", fatima);
        await Notifier(clock).RunAsync();
        clock.Advance(TimeSpan.FromMinutes(2));
        await AskAsync(clock.GetUtcNow(), "Documents", fatima);
        await AskAsync(clock.GetUtcNow(), "FillingIn", fatima);
        await Notifier(clock).RunAsync();

        Assert.Single(await MailToAsync(fatima.Email));
        clock.Advance(TimeSpan.FromMinutes(9));
        await Notifier(clock).RunAsync();
        await Notifier(clock).RunAsync();

        var mails = await MailToAsync(fatima.Email);
        Assert.Equal(2, mails.Count);
        Assert.Equal("طلبات مساعدة جديدة لكم: 1", mails[0].Subject);
        Assert.Equal("طلبات مساعدة جديدة لكم: 2", mails[1].Subject);
        Assert.Equal(2, mails[1].TextBody.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.Contains("/coach", mails[1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_nobody_claimed_for_a_working_day_goes_to_every_coach_and_the_admin_once()
    {
        var fatima = await TestCoaches.CreateAsync(fixture, "fatima@example.org", "Fatima", ["ar"], ["Dukenburg"]);
        var yonas = await TestCoaches.CreateAsync(fixture, "yonas@example.org", "Yonas", ["ti"], [], language: "en");
        await TestAccounts.CreateAsync(fixture.Factory, "beheer@example.org", Roles.Admin);
        var request = await AskAsync(Tuesday, "Budget", fatima);
        var clock = new TestClock(Tuesday.AddHours(5));
        await Notifier(clock).RunAsync();
        Assert.Empty(await MailToAsync(yonas.Email));

        clock.Advance(TimeSpan.FromDays(1));
        await Task.WhenAll(Notifier(clock).RunAsync(), Notifier(clock).RunAsync());
        await Notifier(clock).RunAsync();

        Assert.Equal(["A request for help has waited a working day"], (await MailToAsync(yonas.Email)).Select(m => m.Subject));
        Assert.Single(await MailToAsync("beheer@example.org"));
        Assert.Contains(await MailToAsync(fatima.Email), m => m.Subject == "Een hulpvraag wacht al een werkdag");
        await using var db = fixture.Database.NewContext();
        var escalated = await db.HelpRequests.Include(r => r.Offers).SingleAsync(r => r.Id == request.Id);
        Assert.NotNull(escalated.EscalatedAt);
        Assert.Contains(escalated.Offers, o => o.CoachId == yonas.Id && o.Reason == OfferReason.Escalation);
        Assert.Single(await db.AuditEvents.Where(a => a.Kind == "help-request.escalated").ToListAsync());
    }

    [Fact]
    public async Task A_claimed_request_past_its_day_without_contact_reminds_its_coach_once()
    {
        var fatima = await TestCoaches.CreateAsync(fixture, "fatima@example.org", "Fatima", ["ar"], ["Dukenburg"]);
        var request = await AskAsync(Tuesday, "Budget", fatima);
        await using (var db = fixture.Database.NewContext())
        {
            var loaded = await db.HelpRequests.SingleAsync();
            loaded.Claim(fatima.Id, Tuesday.AddHours(1));
            await db.SaveChangesAsync();
        }
        // Promised by Thursday; Friday it is overdue.
        await Notifier(new TestClock(Tuesday.AddDays(2))).RunAsync();
        Assert.DoesNotContain(await MailToAsync(fatima.Email), m => m.Subject == "Een hulpvraag is over tijd");

        await Notifier(new TestClock(Tuesday.AddDays(3))).RunAsync();
        await Notifier(new TestClock(Tuesday.AddDays(4))).RunAsync();

        Assert.Single(await MailToAsync(fatima.Email), m => m.Subject == "Een hulpvraag is over tijd");
        Assert.Equal(new DateOnly(2026, 3, 5), request.AnswerBy);
    }
}
