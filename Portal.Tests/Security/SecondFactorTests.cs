using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// The second factor of staff: an authenticator code works once (RFC 6238 §5.2), and wrong recovery codes count
/// towards the lockout like wrong passwords and wrong codes.
/// </summary>
[Collection(Db.Accounts)]
public sealed class SecondFactorTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private readonly string key = Totp.NewKey();
    private const string Email = "reviewer@example.org";

    public async Task InitializeAsync()
    {
        await fixture.Database.ResetAsync();
        await TestAccounts.CreateAsync(fixture.Factory, Email, Roles.Reviewer, authenticatorKey: key);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_same_authenticator_code_signs_in_only_once()
    {
        var code = Totp.Code(key);

        var first = await CodeStepAsync(code);
        var second = await CodeStepAsync(code);

        Assert.Equal(HttpStatusCode.Redirect, first.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.Response.StatusCode);
        Assert.Contains("Deze code klopt niet", second.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_from_before_the_last_one_used_is_refused()
    {
        var step = Totp.Step(DateTimeOffset.UtcNow);

        var newer = await CodeStepAsync(Totp.Code(key, step + 1));
        var older = await CodeStepAsync(Totp.Code(key, step));

        Assert.Equal(HttpStatusCode.Redirect, newer.Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, older.Response.StatusCode);
    }

    [Fact]
    public async Task Two_sign_ins_racing_with_one_code_let_one_in()
    {
        var clients = Enumerable.Range(0, 4).Select(_ => new FormClient(fixture.Factory)).ToList();
        foreach (var client in clients) await client.SignInAsync(Email, TestAccounts.Password);
        var code = Totp.Code(key);
        foreach (var client in clients) await client.GetAsync("/account/two-factor");

        var results = await Task.WhenAll(clients.Select(c => c.PostAsync("/account/two-factor", [("Input.Code", code)])));

        Assert.Equal(1, results.Count(r => r.Response.StatusCode == HttpStatusCode.Redirect));
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task The_code_that_enrolled_the_app_cannot_sign_in_again()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "coach@example.org", Roles.Coach);
        using var client = new FormClient(fixture.Factory);
        await client.SignInAsync("coach@example.org", TestAccounts.Password);
        await client.GetAsync("/account/two-factor/setup");
        string coachKey;
        using (var scope = fixture.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            coachKey = (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync("coach@example.org"))!))!;
        }
        var code = Totp.Code(coachKey);
        var (enrolled, _) = await client.SubmitAsync("/account/two-factor/setup", ("Input.Code", code));
        await client.SubmitAsync("/account/sign-out");

        await client.SignInAsync("coach@example.org", TestAccounts.Password);
        var (again, html) = await client.SubmitAsync("/account/two-factor", ("Input.Code", code));

        Assert.StartsWith("/account/two-factor/recovery-codes", enrolled.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Deze code klopt niet", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_recovery_codes_count_towards_the_lockout()
    {
        string recoveryCode;
        using (var scope = fixture.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            recoveryCode = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(Email))!, 10))!.First();
        }
        using var client = new FormClient(fixture.Factory);
        await client.SignInAsync(Email, TestAccounts.Password);

        for (var i = 0; i < 5; i++) await client.SubmitAsync("/account/recovery-code", ("Input.Code", $"ABCDE-{i:D5}"));
        var (right, html) = await client.SubmitAsync("/account/recovery-code", ("Input.Code", recoveryCode));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Inloggen lukt niet", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.True((await db.Users.SingleAsync(u => u.Email == Email)).LockoutEnd > DateTimeOffset.UtcNow);
    }

    private async Task<(HttpResponseMessage Response, string Html)> CodeStepAsync(string code)
    {
        using var client = new FormClient(fixture.Factory);
        await client.SignInAsync(Email, TestAccounts.Password);
        return await client.SubmitAsync("/account/two-factor", ("Input.Code", code));
    }
}
