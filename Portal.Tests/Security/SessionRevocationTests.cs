using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// A sign-in cookie counts only while its server-side session lasts. A thief who copied a cookie and keeps it alive
/// with a request every few minutes loses it at sign-out, and every browser loses it when the credentials change.
/// </summary>
[Collection(Db.Accounts)]
public sealed partial class SessionRevocationTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private readonly string staffKey = Totp.NewKey();

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task After_signing_out_the_old_cookie_no_longer_opens_the_profile()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        using var amina = new FormClient(fixture.Factory);
        var stolen = FormClient.SetCookie(await amina.SignInAsync("amina@example.org", TestAccounts.Password), "portal.auth")!;
        Assert.Equal(HttpStatusCode.OK, await ProfileWith(stolen));

        await amina.SubmitAsync("/account/sign-out");

        Assert.Equal(HttpStatusCode.Redirect, await ProfileWith(stolen));
    }

    [Fact]
    public async Task A_copied_cookie_kept_alive_dies_when_the_password_is_reset()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        using var amina = new FormClient(fixture.Factory);
        var stolen = FormClient.SetCookie(await amina.SignInAsync("amina@example.org", TestAccounts.Password), "portal.auth")!;
        Assert.Equal(HttpStatusCode.OK, await ProfileWith(stolen));

        await ResetPasswordAsync("amina@example.org");

        Assert.Equal(HttpStatusCode.Redirect, await ProfileWith(stolen));
        var (own, _) = await amina.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
    }

    [Fact]
    public async Task A_staff_session_dies_when_the_password_is_reset()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "reviewer@example.org", Roles.Reviewer, authenticatorKey: staffKey);
        using var reviewer = new FormClient(fixture.Factory);
        var stolen = FormClient.SetCookie(await reviewer.SignInWithCodeAsync("reviewer@example.org", TestAccounts.Password, staffKey), "portal.auth")!;
        Assert.Equal(HttpStatusCode.OK, await GetWith(stolen, "/staff"));

        await ResetPasswordAsync("reviewer@example.org");

        Assert.Equal(HttpStatusCode.Redirect, await GetWith(stolen, "/staff"));
    }

    public static TheoryData<string> Changes => ["email", "authenticator", "two-factor off", "role granted", "role taken", "password removed"];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Changing_the_account_ends_every_session_of_it(string change)
    {
        var user = await TestAccounts.CreateAsync(fixture.Factory, "coach@example.org", Roles.Coach, authenticatorKey: staffKey);
        using var first = new FormClient(fixture.Factory);
        using var second = new FormClient(fixture.Factory);
        await first.SignInWithCodeAsync("coach@example.org", TestAccounts.Password, staffKey);
        await second.SignInWithCodeAsync("coach@example.org", TestAccounts.Password, staffKey);

        await ChangeAsync(user.Id, change);

        foreach (var client in new[] { first, second })
        {
            var (response, _) = await client.GetAsync("/account/profile");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_lockout_ends_every_session()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        using var amina = new FormClient(fixture.Factory);
        await amina.SignInAsync("amina@example.org", TestAccounts.Password);
        using var attacker = new FormClient(fixture.Factory);

        for (var i = 0; i < 5; i++)
            await attacker.SubmitAsync("/account/sign-in", ("Input.Email", "amina@example.org"), ("Input.Password", "niet mijn wachtwoord"));

        var (response, _) = await amina.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task The_profile_lists_the_sessions_and_signs_out_the_others_but_not_this_one()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        using var phone = new FormClient(fixture.Factory);
        phone.Http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36");
        using var laptop = new FormClient(fixture.Factory);
        laptop.Http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0");
        await phone.SignInAsync("amina@example.org", TestAccounts.Password);
        await laptop.SignInAsync("amina@example.org", TestAccounts.Password);

        var (_, list) = await laptop.GetAsync("/account/profile");
        var (ended, _) = await laptop.PostAsync("/account/profile?handler=EndOthers", []);
        var (_, after) = await laptop.GetAsync(ended.Headers.Location!.OriginalString);
        var (phoneAfter, _) = await phone.GetAsync("/account/profile");

        Assert.Contains("Chrome op Android", list, StringComparison.Ordinal);
        Assert.Matches(ThisDevice(), list);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Contains("U bent overal anders uitgelogd", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Chrome op Android", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, phoneAfter.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(1, await db.UserSessions.CountAsync(s => s.EndedAt == null));
    }

    [Fact]
    public async Task A_sign_in_link_sent_before_a_password_reset_no_longer_works_after_it()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        using var client = new FormClient(fixture.Factory);
        await client.SubmitAsync("/account/sign-in-link", ("Input.Email", "amina@example.org"));
        var link = new Uri(await fixture.LinkInMailAsync("amina@example.org", "/account/link")).PathAndQuery;

        await ResetPasswordAsync("amina@example.org");
        var (response, html) = await client.SubmitAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Deze link werkt niet meer", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stay_signed_in_needs_the_pages_form_token()
    {
        var (client, _) = await fixture.SignedInApplicantAsync("amina@example.org");

        var (forged, _) = await client.PostAsync("/account/keep-alive", [], withToken: false);
        var (real, _) = await client.PostAsync("/account/keep-alive", [], headers: ("RequestVerificationToken", client.LastToken!));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, real.StatusCode);
    }

    private async Task<HttpStatusCode> ProfileWith(string cookie) => await GetWith(cookie, "/account/profile");

    /// <summary>A request from another browser that only has the copied cookie.</summary>
    private async Task<HttpStatusCode> GetWith(string cookie, string path)
    {
        using var thief = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", "portal.auth=" + cookie);
        using var response = await thief.SendAsync(request);
        return response.StatusCode;
    }

    private async Task ResetPasswordAsync(string email)
    {
        using var client = new FormClient(fixture.Factory);
        await client.SubmitAsync("/account/forgot-password", ("Input.Email", email));
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(await fixture.LinkInMailAsync(email, "/account/reset-password")).Query);
        var (done, html) = await client.SubmitAsync("/account/reset-password",
            ("Input.Email", query["email"]!), ("Input.Code", query["code"]!), ("Input.Password", "een heel nieuw wachtwoord"));
        Assert.Contains("Uw wachtwoord is veranderd", html, StringComparison.Ordinal);
    }

    private async Task ChangeAsync(Guid userId, string change)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByIdAsync(userId.ToString()))!;
        var result = change switch
        {
            "email" => await users.SetEmailAsync(user, "nieuw@example.org"),
            "authenticator" => await users.ResetAuthenticatorKeyAsync(user),
            "two-factor off" => await users.SetTwoFactorEnabledAsync(user, false),
            "role granted" => await users.AddToRoleAsync(user, Roles.Reviewer),
            "role taken" => await users.RemoveFromRoleAsync(user, Roles.Coach),
            "password removed" => await users.RemovePasswordAsync(user),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        Assert.True(result.Succeeded);
    }

    [GeneratedRegex("Firefox op Windows</strong>\\s*<span class=\"status--done\">· Dit apparaat</span>")]
    private static partial Regex ThisDevice();
}
