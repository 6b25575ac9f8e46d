using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Email;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

[Collection(Db.Accounts)]
public sealed partial class AccountTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Registering_puts_a_confirmation_email_in_the_outbox_in_the_chosen_language()
    {
        using var client = new FormClient(fixture.Factory);
        await client.SubmitAsync("/language", ("code", "ar"), ("returnUrl", "/"));

        var (response, _) = await client.SubmitAsync("/account/register",
            ("Input.Email", "fatima@example.org"), ("Input.Password", "ons eten is altijd lekker"));

        Assert.Equal("/account/check-email", response.Headers.Location!.OriginalString);
        var mail = Assert.Single(await MailTo("fatima@example.org"));
        Assert.Equal("أكّدوا بريدكم الإلكتروني", mail.Subject);
        Assert.Contains("/account/confirm-email?userId=", mail.TextBody, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        var user = await db.Users.SingleAsync(u => u.Email == "fatima@example.org");
        Assert.Equal("ar", user.PreferredLanguage);
        Assert.False(user.EmailConfirmed);
    }

    [Fact]
    public async Task The_confirmation_link_with_the_chosen_password_confirms_the_address_and_signs_in()
    {
        using var client = new FormClient(fixture.Factory);
        await client.SubmitAsync("/account/register", ("Input.Email", "joost@example.org"), ("Input.Password", "buurtfeest in de zomer"));
        var (before, beforeHtml) = await client.SubmitAsync("/account/sign-in",
            ("Input.Email", "joost@example.org"), ("Input.Password", "buurtfeest in de zomer"));

        var link = new Uri(LinkIn((await MailTo("joost@example.org")).Single().TextBody)).PathAndQuery;
        var (confirm, html) = await client.GetAsync(link);
        var (confirmed, _) = await client.PostAsync(link, [("Input.Password", "buurtfeest in de zomer")]);
        var (profile, _) = await client.GetAsync("/account/profile");
        await client.SubmitAsync("/account/sign-out");
        var (after, _) = await client.SubmitAsync("/account/sign-in",
            ("Input.Email", "joost@example.org"), ("Input.Password", "buurtfeest in de zomer"));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains("Bevestig eerst uw e-mailadres", beforeHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("<h1>Bevestig uw e-mailadres</h1>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Registering_a_known_address_gives_the_same_answer_and_tells_the_owner_by_email()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant, language: "en");
        using var client = new FormClient(fixture.Factory);

        var (known, _) = await client.SubmitAsync("/account/register", ("Input.Email", "amina@example.org"), ("Input.Password", "iemand anders probeert"));
        var (unknown, _) = await client.SubmitAsync("/account/register", ("Input.Email", "nieuw@example.org"), ("Input.Password", "iemand anders probeert"));

        Assert.Equal(unknown.StatusCode, known.StatusCode);
        Assert.Equal(unknown.Headers.Location, known.Headers.Location);
        var mail = Assert.Single(await MailTo("amina@example.org"));
        Assert.Equal("You already have an account", mail.Subject);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == "amina@example.org"));
    }

    [Fact]
    public async Task Forgotten_password_for_an_unknown_address_gives_the_same_answer_and_sends_nothing()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        using var client = new FormClient(fixture.Factory);

        var (known, _) = await client.SubmitAsync("/account/forgot-password", ("Input.Email", "amina@example.org"));
        var (unknown, _) = await client.SubmitAsync("/account/forgot-password", ("Input.Email", "niemand@example.org"));

        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        Assert.Single(await MailTo("amina@example.org"));
        Assert.Empty(await MailTo("niemand@example.org"));
    }

    [Fact]
    public async Task A_password_reset_link_sets_a_new_password()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        using var client = new FormClient(fixture.Factory);
        await client.SubmitAsync("/account/forgot-password", ("Input.Email", "amina@example.org"));
        var link = LinkIn((await MailTo("amina@example.org")).Single().TextBody);

        var (form, _) = await client.GetAsync(link);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        var (done, html) = await client.PostAsync("/account/reset-password",
            [("Input.Email", query["email"]!), ("Input.Code", query["code"]!), ("Input.Password", "een heel nieuw wachtwoord")]);

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Uw wachtwoord is veranderd", html, StringComparison.Ordinal);
        await client.SignInAsync("amina@example.org", "een heel nieuw wachtwoord");
    }

    [Theory]
    [InlineData("kort123", "Uw wachtwoord is te kort")]
    [InlineData("Wachtwoord123", "Dit wachtwoord gebruiken veel mensen")]
    [InlineData("", "Vul uw wachtwoord in")]
    public async Task A_weak_password_is_refused_plainly_and_the_typed_email_is_kept(string password, string message)
    {
        using var client = new FormClient(fixture.Factory);

        var (response, html) = await client.SubmitAsync("/account/register", ("Input.Email", "نور😀@example.org"), ("Input.Password", password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"نور😀@example.org\"", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Sign_in_failure_says_the_same_for_an_unknown_address_and_a_wrong_password()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        using var client = new FormClient(fixture.Factory);

        var (_, wrongPassword) = await client.SubmitAsync("/account/sign-in", ("Input.Email", "amina@example.org"), ("Input.Password", "niet mijn wachtwoord"));
        var (_, unknownAddress) = await client.SubmitAsync("/account/sign-in", ("Input.Email", "niemand@example.org"), ("Input.Password", "niet mijn wachtwoord"));

        Assert.Equal(ErrorSummary(wrongPassword), ErrorSummary(unknownAddress));
        Assert.Contains("Inloggen lukt niet", ErrorSummary(wrongPassword), StringComparison.Ordinal);
        Assert.Contains("value=\"amina@example.org\"", wrongPassword, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_and_every_attempt_is_audited()
    {
        var user = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        using var client = new FormClient(fixture.Factory);

        for (var i = 0; i < 5; i++)
            await client.SubmitAsync("/account/sign-in", ("Input.Email", "amina@example.org"), ("Input.Password", "niet mijn wachtwoord"));
        var (rightPassword, html) = await client.SubmitAsync("/account/sign-in", ("Input.Email", "amina@example.org"), ("Input.Password", TestAccounts.Password));

        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Contains("Inloggen lukt niet", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        var kinds = await db.AuditEvents.Where(a => a.UserId == user.Id).OrderBy(a => a.Id).Select(a => a.Kind).ToListAsync();
        Assert.Equal(4, kinds.Count(k => k == AuditKinds.SignInFailed));
        Assert.True(kinds.Count(k => k == AuditKinds.LockedOut) >= 2);
        Assert.DoesNotContain(AuditKinds.SignInSucceeded, kinds);
        Assert.True((await db.Users.SingleAsync(u => u.Id == user.Id)).LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task A_sign_in_link_signs_in_once_and_then_no_longer_works()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        using var client = new FormClient(fixture.Factory);
        await client.SubmitAsync("/account/sign-in-link", ("Input.Email", "amina@example.org"));
        var link = new Uri(LinkIn((await MailTo("amina@example.org")).Single().TextBody)).PathAndQuery;

        var (first, _) = await client.SubmitAsync(link);
        var (profile, _) = await client.GetAsync("/account/profile");
        using var other = new FormClient(fixture.Factory);
        var (second, html) = await other.SubmitAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Deze link werkt niet meer", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_sign_in_link_is_refused()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        using var client = new FormClient(fixture.Factory);
        await client.SubmitAsync("/account/sign-in-link", ("Input.Email", "amina@example.org"));
        var link = new Uri(LinkIn((await MailTo("amina@example.org")).Single().TextBody)).PathAndQuery;
        await fixture.Database.Database.ExecuteAsync("""UPDATE "SignInLinks" SET "ExpiresAt" = now() - interval '1 second'""");

        var (response, html) = await client.SubmitAsync(link);
        var (profile, _) = await client.GetAsync("/account/profile");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Deze link werkt niet meer", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
    }

    [Fact]
    public async Task Choosing_Arabic_renders_pages_right_to_left_and_is_kept_in_the_profile()
    {
        var user = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        using var client = new FormClient(fixture.Factory);
        await client.SignInAsync("amina@example.org", TestAccounts.Password);

        await client.SubmitAsync("/language", ("code", "ar"), ("returnUrl", "/"));
        var (_, html) = await client.GetAsync("/");

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("تمويل لنشاطكم في الحي", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("ar", (await db.Users.SingleAsync(u => u.Id == user.Id)).PreferredLanguage);
    }

    [Fact]
    public async Task Signing_in_applies_the_language_from_the_profile()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "olena@example.org", Roles.Applicant, language: "en");
        using var client = new FormClient(fixture.Factory);

        await client.SignInAsync("olena@example.org", TestAccounts.Password);
        var (_, html) = await client.GetAsync("/");

        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_language_is_saved_as_an_htmx_fragment_and_as_a_plain_post()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        using var client = new FormClient(fixture.Factory);
        await client.SignInAsync("amina@example.org", TestAccounts.Password);
        await client.GetAsync("/account/profile");

        var (changed, _) = await client.PostAsync("/account/profile", [("PreferredLanguage", "en")], true, ("HX-Request", "true"));
        var (fragment, fragmentHtml) = await client.PostAsync("/account/profile", [("PreferredLanguage", "en")], true, ("HX-Request", "true"));
        var (plain, _) = await client.PostAsync("/account/profile", [("PreferredLanguage", "nl")]);

        Assert.Equal("/account/profile?saved=True", changed.Headers.GetValues("HX-Redirect").Single(), ignoreCase: true);
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        Assert.StartsWith("<form id=\"profile-language\"", fragmentHtml[fragmentHtml.IndexOf("<form", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("<html", fragmentHtml, StringComparison.Ordinal);
        Assert.Contains("Your language has been saved.", fragmentHtml, StringComparison.Ordinal);
        Assert.Contains("HX-Request", fragment.Headers.Vary);
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("nl", (await db.Users.SingleAsync(u => u.Email == "amina@example.org")).PreferredLanguage);
    }

    private async Task<List<EmailMessage>> MailTo(string address)
    {
        await using var db = fixture.Database.NewContext();
        return await db.EmailMessages.Where(m => m.To == address).ToListAsync();
    }

    private static string LinkIn(string text) => LinkPattern().Match(text).Value;

    private static string ErrorSummary(string html) => ErrorSummaryPattern().Match(html).Value;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("<div class=\"error-summary\".*?</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummaryPattern();
}
