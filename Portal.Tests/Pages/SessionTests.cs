using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// The session ends after 30 minutes without a request (ENGINEERING.md security baseline), every request starts
/// those minutes again, and signed-in pages carry the warning that site.js shows 5 minutes before the end.
/// </summary>
[Collection(Db.Accounts)]
public sealed class SessionTests(DatabaseFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly MovableClock clock = new();
    private WebApplicationFactory<Program>? portal;

    public async Task InitializeAsync()
    {
        await fixture.Database.ResetAsync();
        portal = clock.On(fixture.Factory);
    }

    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => portal?.Dispose();

    [Fact]
    public async Task Every_request_starts_the_30_idle_minutes_again()
    {
        var client = await SignedInAsync();

        clock.Ahead = TimeSpan.FromMinutes(10);
        var (early, _) = await client.GetAsync("/applications");
        clock.Ahead = TimeSpan.FromMinutes(35); // 35 minutes after signing in, 25 after the last request
        var (later, _) = await client.GetAsync("/applications");

        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task After_30_minutes_without_a_request_the_session_has_ended()
    {
        var client = await SignedInAsync();

        clock.Ahead = TimeSpan.FromMinutes(31);
        var (response, _) = await client.GetAsync("/applications");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stay_signed_in_keeps_the_session_and_asks_nothing_of_someone_signed_out()
    {
        var client = await SignedInAsync();
        await client.GetAsync("/applications");

        clock.Ahead = TimeSpan.FromMinutes(26);
        var (stay, _) = await client.PostAsync("/account/keep-alive", [], headers: ("RequestVerificationToken", client.LastToken!));
        clock.Ahead = TimeSpan.FromMinutes(50);
        var (still, _) = await client.GetAsync("/applications");
        using var anonymous = new FormClient(portal!);
        var (refused, _) = await anonymous.PostAsync("/account/keep-alive", []);

        Assert.Equal(HttpStatusCode.NoContent, stay.StatusCode);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    [Fact]
    public async Task Signed_in_pages_carry_the_idle_warning_and_anonymous_pages_do_not()
    {
        var client = await SignedInAsync();
        using var anonymous = new FormClient(portal!);

        var (_, signedIn) = await client.GetAsync("/schemes");
        var (_, signedOut) = await anonymous.GetAsync("/schemes");

        Assert.Contains("data-session-warning hidden", signedIn, StringComparison.Ordinal);
        Assert.InRange(IdleSeconds(signedIn), 1800 - 5, 1800); // what the cookie still has: seconds after signing in
        Assert.Contains("data-warn-seconds=\"300\"", signedIn, StringComparison.Ordinal);
        Assert.Contains("Over 5 minuten wordt u uitgelogd.", signedIn, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/sign-in?ReturnUrl=%2Fschemes\"", signedIn, StringComparison.Ordinal);
        Assert.DoesNotContain("data-session-warning", signedOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cookie_is_renewed_once_a_minute_and_each_page_says_exactly_how_long_it_still_lasts()
    {
        var client = await SignedInAsync();

        clock.Ahead = TimeSpan.FromSeconds(40);
        var (young, youngHtml) = await client.GetAsync("/applications");
        clock.Ahead = TimeSpan.FromSeconds(90);
        var (old, oldHtml) = await client.GetAsync("/applications");

        // 40 seconds after signing in the cookie is kept: the page counts down from what it has left, 29:20.
        Assert.False(RenewsCookie(young));
        Assert.InRange(IdleSeconds(youngHtml), 1800 - 41, 1800 - 39);
        Assert.Equal(IdleSeconds(youngHtml).ToString(System.Globalization.CultureInfo.InvariantCulture), young.Headers.GetValues("X-Session-Remaining").Single());
        // Over a minute old, it is written anew: the full 30 minutes again.
        Assert.True(RenewsCookie(old));
        Assert.Equal(1800, IdleSeconds(oldHtml));
    }

    private static bool RenewsCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("portal.auth=", StringComparison.Ordinal));

    private static int IdleSeconds(string html) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(html, "data-idle-seconds=\"(\\d+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<FormClient> SignedInAsync()
    {
        var (client, _) = await fixture.SignedInApplicantAsync("amina@example.org", portal: portal);
        return client;
    }
}
