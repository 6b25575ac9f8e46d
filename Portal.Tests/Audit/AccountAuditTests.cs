using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Audit;

/// <summary>
/// The account events an investigation needs are in the audit trail: requests for reset and sign-in links (for known
/// and unknown addresses alike), links that did not work, a right password on an unconfirmed account, an address
/// confirmed by a link, and clients refused for asking too often.
/// </summary>
[Collection(Db.Accounts)]
public sealed partial class AccountAuditTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Requests_for_reset_and_sign_in_links_are_audited_for_known_and_unknown_addresses()
    {
        var amina = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        using var client = new FormClient(fixture.Factory);

        await client.SubmitAsync("/account/forgot-password", ("Input.Email", "amina@example.org"));
        await client.SubmitAsync("/account/forgot-password", ("Input.Email", "niemand@example.org"));
        await client.SubmitAsync("/account/sign-in-link", ("Input.Email", "amina@example.org"));

        var events = await EventsAsync();
        Assert.Contains((AuditKinds.PasswordResetRequested, amina.Id, "amina@example.org"), events);
        Assert.Contains((AuditKinds.PasswordResetRequested, (Guid?)null, "niemand@example.org"), events);
        Assert.Contains((AuditKinds.SignInLinkRequested, amina.Id, "amina@example.org"), events);
    }

    [Fact]
    public async Task Links_that_do_not_work_are_audited()
    {
        var amina = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        using var client = new FormClient(fixture.Factory);

        await client.SubmitAsync("/account/link?token=" + new string('a', 64));
        await client.SubmitAsync("/account/reset-password",
            ("Input.Email", "amina@example.org"), ("Input.Code", "bm90LWEtdG9rZW4"), ("Input.Password", "een heel nieuw wachtwoord"));

        var kinds = (await EventsAsync()).Select(e => e.Kind).ToList();
        Assert.Contains(AuditKinds.SignInLinkRefused, kinds);
        Assert.Contains((AuditKinds.PasswordResetRefused, amina.Id, "amina@example.org"), await EventsAsync());
    }

    [Fact]
    public async Task A_right_password_on_an_unconfirmed_account_and_a_confirmation_by_sign_in_link_are_audited()
    {
        using var client = new FormClient(fixture.Factory);
        await client.SubmitAsync("/account/register", ("Input.Email", "joost@example.org"), ("Input.Password", "buurtfeest in de zomer"));
        await client.SubmitAsync("/account/sign-in", ("Input.Email", "joost@example.org"), ("Input.Password", "buurtfeest in de zomer"));
        await client.SubmitAsync("/account/sign-in-link", ("Input.Email", "joost@example.org"));
        await using (var db = fixture.Database.NewContext())
        {
            var body = await db.EmailMessages.Where(m => m.Subject != "Bevestig uw e-mailadres").Select(m => m.TextBody).SingleAsync();
            await client.SubmitAsync(new Uri(LinkPattern().Match(body).Value).PathAndQuery);
        }

        var events = await EventsAsync();
        Assert.Contains(events, e => e.Kind == AuditKinds.SignInUnconfirmed && e.Subject == "joost@example.org");
        Assert.Contains(events, e => e.Kind == AuditKinds.EmailConfirmed && e.Subject == "joost@example.org");
    }

    [Fact]
    public async Task A_client_refused_for_asking_too_often_is_audited_once_a_minute()
    {
        await using var portal = new PortalFactory(fixture.Database, settings: new Dictionary<string, string?> { ["RateLimits:SignInLinkPerMinute"] = "1" });
        using var client = new FormClient(portal);

        for (var i = 0; i < 4; i++) await client.SubmitAsync("/account/sign-in-link", ("Input.Email", "amina@example.org"));

        var limited = (await EventsAsync()).Where(e => e.Kind == AuditKinds.RateLimited).ToList();
        Assert.Single(limited);
    }

    private async Task<List<(string Kind, Guid? UserId, string? Subject)>> EventsAsync()
    {
        await using var db = fixture.Database.NewContext();
        return (await db.AuditEvents.OrderBy(e => e.Id).ToListAsync()).Select(e => (e.Kind, e.UserId, e.Subject)).ToList();
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
