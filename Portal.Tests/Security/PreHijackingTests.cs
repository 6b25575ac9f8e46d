using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Account pre-hijacking: an attacker registers the victim's address with a password of their own before the victim
/// does. Whatever the victim then does to get in (the emailed link, the confirmation link, a password reset), the
/// attacker's password and anything set before the address was proven stop working.
/// </summary>
[Collection(Db.Accounts)]
public sealed partial class PreHijackingTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const string Victim = "amina@example.org";
    private const string AttackerPassword = "het wachtwoord van de aanvaller";

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_attackers_password_stops_working_once_the_owner_uses_the_already_registered_link_and_fills_in_a_profile()
    {
        using var attacker = new FormClient(fixture.Factory);
        await attacker.SubmitAsync("/account/register", ("Input.Email", Victim), ("Input.Password", AttackerPassword));
        var (early, _) = await SignInAsync(attacker, AttackerPassword);

        // The owner registers too; the portal answers as always and mails a sign-in link instead.
        using var owner = new FormClient(fixture.Factory);
        await owner.SubmitAsync("/account/register", ("Input.Email", Victim), ("Input.Password", "mijn eigen lange wachtwoord"));
        var (usedLink, _) = await owner.SubmitAsync(new Uri(await fixture.LinkInMailAsync(Victim, "/account/link")).PathAndQuery);
        var (created, _) = await owner.FillInAsync("/organisation/new", ("Input.Name", "Moedergroep Hatert"), ("Input.Kind", "InformalGroup"));
        var organisationId = Guid.Parse(IdPattern().Match(created.Headers.Location!.OriginalString).Value);
        await owner.FillInAsync($"/organisation/{organisationId}/payment",
            ("Input.Route", "OwnAccount"), ("Input.Iban", "NL91ABNA0417164300"), ("Input.AccountHolder", "A. El Amrani"));

        var (late, lateHtml) = await SignInAsync(attacker, AttackerPassword);
        var (profile, _) = await owner.GetAsync("/account/profile");

        Assert.Equal(HttpStatusCode.OK, early.StatusCode); // refused: the address is not confirmed
        Assert.Equal(HttpStatusCode.Redirect, usedLink.StatusCode);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Inloggen lukt niet", lateHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("NL91ABNA0417164300", (await db.Organisations.SingleAsync()).Iban);
        Assert.Null((await db.Users.SingleAsync()).PasswordHash);
    }

    [Fact]
    public async Task Someone_who_did_not_choose_the_password_confirms_chooses_their_own_and_the_attackers_dies()
    {
        using var attacker = new FormClient(fixture.Factory);
        await attacker.SubmitAsync("/account/register", ("Input.Email", Victim), ("Input.Password", AttackerPassword));
        var confirmLink = new Uri(await fixture.LinkInMailAsync(Victim, "/account/confirm-email")).PathAndQuery;

        using var owner = new FormClient(fixture.Factory);
        var (opened, openedHtml) = await owner.GetAsync(confirmLink);
        var (dropped, _) = await owner.PostAsync(confirmLink + "&handler=NewPassword", []);
        var chooseUrl = dropped.Headers.Location!.OriginalString;
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://localhost"), chooseUrl).Query);
        var (chosen, chosenHtml) = await owner.SubmitAsync(chooseUrl.Split('?')[0],
            ("Input.Email", query["email"]!), ("Input.Code", query["code"]!), ("Input.Password", "mijn eigen lange wachtwoord"));

        var (attackerTry, _) = await SignInAsync(attacker, AttackerPassword);
        Assert.Contains("Vul het wachtwoord in dat u koos", openedHtml, StringComparison.Ordinal);
        Assert.StartsWith("/account/reset-password?", chooseUrl, StringComparison.Ordinal);
        Assert.Contains("Uw wachtwoord is veranderd", chosenHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, attackerTry.StatusCode);
        await owner.SignInAsync(Victim, "mijn eigen lange wachtwoord");
    }

    [Fact]
    public async Task Opening_the_confirmation_link_alone_confirms_nothing()
    {
        using var attacker = new FormClient(fixture.Factory);
        await attacker.SubmitAsync("/account/register", ("Input.Email", Victim), ("Input.Password", AttackerPassword));

        // A mail scanner opens every link in the mail.
        using var scanner = new FormClient(fixture.Factory);
        await scanner.GetAsync(new Uri(await fixture.LinkInMailAsync(Victim, "/account/confirm-email")).PathAndQuery);

        await using var db = fixture.Database.NewContext();
        Assert.False((await db.Users.SingleAsync()).EmailConfirmed);
    }

    [Fact]
    public async Task Whoever_chose_the_password_confirms_with_it_and_is_signed_in()
    {
        using var client = new FormClient(fixture.Factory);
        await client.SubmitAsync("/account/register", ("Input.Email", Victim), ("Input.Password", "mijn eigen lange wachtwoord"));
        var confirmLink = new Uri(await fixture.LinkInMailAsync(Victim, "/account/confirm-email")).PathAndQuery;

        var (wrong, wrongHtml) = await client.SubmitAsync(confirmLink, ("Input.Password", "iets anders dan het wachtwoord"));
        var (right, _) = await client.SubmitAsync(confirmLink, ("Input.Password", "mijn eigen lange wachtwoord"));
        var (profile, _) = await client.GetAsync("/account/profile");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Dit wachtwoord klopt niet", wrongHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        await using var db = fixture.Database.NewContext();
        var user = await db.Users.SingleAsync();
        Assert.True(user.EmailConfirmed);
        Assert.Equal(0, user.AccessFailedCount);
        var kinds = await db.AuditEvents.Where(a => a.UserId == user.Id).Select(a => a.Kind).ToListAsync();
        Assert.Contains(AuditKinds.ConfirmationPasswordWrong, kinds);
        Assert.Contains(AuditKinds.EmailConfirmed, kinds);
    }

    [Fact]
    public async Task Wrong_passwords_on_the_confirmation_page_lock_the_account_like_sign_in()
    {
        using var attacker = new FormClient(fixture.Factory);
        await attacker.SubmitAsync("/account/register", ("Input.Email", Victim), ("Input.Password", AttackerPassword));
        var confirmLink = new Uri(await fixture.LinkInMailAsync(Victim, "/account/confirm-email")).PathAndQuery;

        for (var i = 0; i < 5; i++) await attacker.SubmitAsync(confirmLink, ("Input.Password", $"geraden wachtwoord {i}"));
        var (_, html) = await attacker.SubmitAsync(confirmLink, ("Input.Password", AttackerPassword));

        Assert.Contains("Inloggen lukt niet", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.False((await db.Users.SingleAsync()).EmailConfirmed);
    }

    [Fact]
    public async Task An_unconfirmed_account_never_signs_in_with_a_password_and_says_why_only_to_who_knows_it()
    {
        using var client = new FormClient(fixture.Factory);
        await client.SubmitAsync("/account/register", ("Input.Email", Victim), ("Input.Password", AttackerPassword));

        var (right, rightHtml) = await SignInAsync(client, AttackerPassword);
        var (wrong, wrongHtml) = await SignInAsync(client, "een ander lang wachtwoord");

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Bevestig eerst uw e-mailadres", rightHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Inloggen lukt niet", wrongHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Bevestig eerst", wrongHtml, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Single(await db.AuditEvents.Where(a => a.Kind == AuditKinds.SignInUnconfirmed).ToListAsync());
        Assert.Empty(await db.UserSessions.ToListAsync());
    }

    [Fact]
    public async Task A_password_reset_link_confirms_the_address_and_replaces_the_attackers_password()
    {
        using var attacker = new FormClient(fixture.Factory);
        await attacker.SubmitAsync("/account/register", ("Input.Email", Victim), ("Input.Password", AttackerPassword));
        using var owner = new FormClient(fixture.Factory);
        await owner.SubmitAsync("/account/forgot-password", ("Input.Email", Victim));
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(await fixture.LinkInMailAsync(Victim, "/account/reset-password")).Query);

        await owner.SubmitAsync("/account/reset-password",
            ("Input.Email", query["email"]!), ("Input.Code", query["code"]!), ("Input.Password", "mijn eigen lange wachtwoord"));

        var (attackerTry, attackerHtml) = await SignInAsync(attacker, AttackerPassword);
        Assert.Contains("Inloggen lukt niet", attackerHtml, StringComparison.Ordinal);
        await owner.SignInAsync(Victim, "mijn eigen lange wachtwoord");
    }

    private static Task<(HttpResponseMessage Response, string Html)> SignInAsync(FormClient client, string password) =>
        client.SubmitAsync("/account/sign-in", ("Input.Email", Victim), ("Input.Password", password));

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex IdPattern();
}
