using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.Accounts;
using Portal.Infrastructure.Email;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Email;

[Collection(Db.Mail)]
public sealed class DraftReminderTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_draft_untouched_for_15_days_gets_one_reminder_per_member_in_their_language_even_when_run_twice()
    {
        var amina = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant, language: "nl");
        var sara = await TestAccounts.CreateAsync(fixture.Factory, "sara@example.org", Roles.Applicant, language: "en");
        var organisation = await TestApplications.OrganisationAsync(fixture.Database, amina.Id, "Moedergroep Hatert", sara.Id);
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation, complete: false);
        var worker = Worker(DateTimeOffset.UtcNow.AddDays(15));

        var first = await worker.SendDueAsync();
        var second = await worker.SendDueAsync();

        Assert.Equal((1, 0), (first, second));
        await using var db = fixture.Database.NewContext();
        var emails = await db.EmailMessages.OrderBy(m => m.To).ToListAsync();
        Assert.Equal(["amina@example.org", "sara@example.org"], emails.Select(m => m.To));
        Assert.Equal("Uw aanvraag staat nog voor u klaar", emails[0].Subject);
        Assert.Equal("Your application is still waiting for you", emails[1].Subject);
        Assert.Contains($"/applications/{draft.Id}", emails[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("Een coach helpt u gratis", emails[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("14 024", emails[0].TextBody, StringComparison.Ordinal);
        // Each link on a line of its own, so no full stop becomes part of it (issue 7, point 13).
        Assert.All(emails, e => Assert.Matches(@"(?m)^https?://\S+/help$", e.TextBody));
        Assert.All(emails, e => Assert.Matches($@"(?m)^https?://\S+/applications/{draft.Id}$", e.TextBody));
        Assert.NotNull((await db.Applications.SingleAsync()).DraftReminderSentAt);
    }

    [Fact]
    public async Task Two_nodes_running_at_the_same_moment_send_one_reminder()
    {
        var amina = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        var organisation = await TestApplications.OrganisationAsync(fixture.Database, amina.Id);
        await TestApplications.DraftAsync(fixture.Database, organisation);
        var later = DateTimeOffset.UtcNow.AddDays(15);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Worker(later).SendDueAsync()));

        Assert.Equal(1, runs.Sum());
        await using var db = fixture.Database.NewContext();
        Assert.Equal(1, await db.EmailMessages.CountAsync());
    }

    [Fact]
    public async Task A_draft_touched_13_days_ago_and_a_submitted_application_get_no_reminder()
    {
        var amina = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        var organisation = await TestApplications.OrganisationAsync(fixture.Database, amina.Id);
        await TestApplications.DraftAsync(fixture.Database, organisation);
        await TestApplications.SubmittedAsync(fixture.Database, organisation);

        var early = await Worker(DateTimeOffset.UtcNow.AddDays(13)).SendDueAsync();
        var later = await Worker(DateTimeOffset.UtcNow.AddDays(15)).SendDueAsync();

        Assert.Equal((0, 1), (early, later));
        await using var db = fixture.Database.NewContext();
        Assert.Equal(1, await db.EmailMessages.CountAsync());
    }

    private DraftReminderWorker Worker(DateTimeOffset now)
    {
        var services = fixture.Factory.Services;
        return new DraftReminderWorker(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<IConfiguration>(),
            NullLogger<DraftReminderWorker>.Instance, new TestClock(now));
    }

}
