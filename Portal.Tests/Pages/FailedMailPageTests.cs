using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Email;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// Mail the outbox gave up on is shown to admins on /staff/mail, with "send again"; nobody else may see it
/// (it holds addresses and subjects of other people's mail).
/// </summary>
[Collection(Db.Mail)]
public sealed class FailedMailPageTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private readonly string adminKey = Totp.NewKey();

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Admin_sees_mail_the_outbox_gave_up_on_and_sending_it_again_delivers_it()
    {
        var id = await GivenUpAsync("yusuf@example.org", "Uw aanvraag is binnen", "550 Mailbox unavailable");
        using var admin = await SignedInAsync(Roles.Admin);

        var (start, startHtml) = await admin.GetAsync("/staff");
        var (list, html) = await admin.GetAsync("/staff/mail");

        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Contains("href=\"/staff/mail\"", startHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("<h1>E-mail die niet aankwam</h1>", html, StringComparison.Ordinal);
        Assert.Contains("yusuf@example.org", html, StringComparison.Ordinal);
        Assert.Contains("Uw aanvraag is binnen", html, StringComparison.Ordinal);
        Assert.Contains("550 Mailbox unavailable", html, StringComparison.Ordinal);
        Assert.Contains($"<dd>{EmailMessage.MaxAttempts}</dd>", html, StringComparison.Ordinal);
        Assert.Contains("Gestopt op", html, StringComparison.Ordinal);

        var (sendAgain, _) = await admin.PostAsync("/staff/mail", [("id", id.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, sendAgain.StatusCode);
        var mail = await fixture.Smtp.WaitForAsync("yusuf@example.org");
        Assert.Equal("Uw aanvraag is binnen", mail.Subject);
        await using var db = fixture.Database.NewContext();
        var audit = await db.AuditEvents.SingleAsync(e => e.Kind == AuditKinds.MailSentAgain);
        Assert.Equal("yusuf@example.org", audit.Subject);
        var (after, afterHtml) = await admin.GetAsync(sendAgain.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("De e-mail gaat zo opnieuw weg.", afterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mail_that_is_already_sent_is_not_sent_again()
    {
        await using var db = fixture.Database.NewContext();
        var message = new EmailMessage("yusuf@example.org", "Uw aanvraag is binnen", "Tekst", null, DateTimeOffset.UtcNow);
        message.Lease(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(5));
        message.MarkSent(DateTimeOffset.UtcNow);
        db.EmailMessages.Add(message);
        await db.SaveChangesAsync();
        using var admin = await SignedInAsync(Roles.Admin);
        await admin.GetAsync("/staff/mail");

        var (response, _) = await admin.PostAsync("/staff/mail", [("id", message.Id.ToString())]);
        var (_, html) = await admin.GetAsync(response.Headers.Location!.OriginalString);

        Assert.Contains("Deze e-mail is al verstuurd, of wordt nu verstuurd.", html, StringComparison.Ordinal);
        await using var check = fixture.Database.NewContext();
        Assert.Equal(1, (await check.EmailMessages.AsNoTracking().SingleAsync(m => m.Id == message.Id)).Attempts);
    }

    [Theory]
    [InlineData(Roles.Coach)]
    [InlineData(Roles.Reviewer)]
    public async Task Staff_member_who_is_not_an_admin_is_refused_the_page_and_sees_no_link(string role)
    {
        var id = await GivenUpAsync("yusuf@example.org", "Uw aanvraag is binnen", "550 Mailbox unavailable");
        using var staff = await SignedInAsync(role);

        var (_, startHtml) = await staff.GetAsync("/staff");
        var (list, _) = await staff.GetAsync("/staff/mail");
        var (post, _) = await staff.PostAsync("/staff/mail", [("id", id.ToString())]);

        Assert.DoesNotContain("/staff/mail", startHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/error/403", list.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/error/403", post.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.True((await db.EmailMessages.AsNoTracking().SingleAsync(m => m.Id == id)).GaveUp);
    }

    /// <summary>A message as the outbox leaves it after its last attempt failed.</summary>
    private async Task<Guid> GivenUpAsync(string to, string subject, string error)
    {
        var now = DateTimeOffset.UtcNow;
        var message = new EmailMessage(to, subject, "Beste Yusuf, uw aanvraag is binnen.", null, now);
        for (var attempt = 0; attempt < EmailMessage.MaxAttempts; attempt++)
        {
            message.Lease(message.NextAttemptAt, message.NextAttemptAt.AddMinutes(5));
            message.MarkFailed(error, message.NextAttemptAt);
        }
        await using var db = fixture.Database.NewContext();
        db.EmailMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<FormClient> SignedInAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}@example.org";
        await TestAccounts.CreateAsync(fixture.Factory, email, role, authenticatorKey: adminKey);
        var client = new FormClient(fixture.Factory);
        await client.SignInWithCodeAsync(email, TestAccounts.Password, adminKey);
        return client;
    }
}
