using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

[Collection(Db.ApplicationParts)]
public sealed class AuthorizationTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Every_page_names_an_authorization_policy_or_allows_anonymous_visitors()
    {
        var pages = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .ToList();

        Assert.True(pages.Count >= 15, $"Expected all pages, found {pages.Count}");
        var unnamed = pages
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                        && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
            .Select(e => e.DisplayName)
            .ToList();
        Assert.True(unnamed.Count == 0, "Pages without an explicit policy: " + string.Join(", ", unnamed));
    }

    [Theory]
    [InlineData("/account/profile")]
    [InlineData("/account/two-factor/setup")]
    [InlineData("/staff")]
    [InlineData("/staff/mail")]
    public async Task Anonymous_visitor_is_sent_to_sign_in(string url)
    {
        using var client = new FormClient(fixture.Factory);

        var (response, _) = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Htmx_request_after_the_session_expired_navigates_to_sign_in_instead_of_swapping()
    {
        using var client = new FormClient(fixture.Factory);

        var (get, html) = await client.GetAsync("/account/profile", ("HX-Request", "true"), ("HX-Current-URL", "http://localhost/account/profile"));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("/account/sign-in?ReturnUrl=%2Faccount%2Fprofile", get.Headers.GetValues("HX-Redirect").Single());
        Assert.DoesNotContain("<h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_member_without_two_factor_is_sent_to_enrol_before_the_staff_page_opens()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "beoordelaar@example.org", Roles.Reviewer);
        using var client = new FormClient(fixture.Factory);
        await client.SignInAsync("beoordelaar@example.org", TestAccounts.Password);

        var (response, _) = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/two-factor/setup?returnUrl=%2Fstaff", response.Headers.Location!.OriginalString);
        var (setup, html) = await client.GetAsync(response.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"authenticator-key\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_member_with_two_factor_must_give_a_code_after_the_password()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "coach@example.org", Roles.Coach, authenticatorKey: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        using var client = new FormClient(fixture.Factory);

        var (response, _) = await client.SubmitAsync("/account/sign-in?ReturnUrl=%2Fstaff",
            ("Input.Email", "coach@example.org"), ("Input.Password", TestAccounts.Password), ("ReturnUrl", "/staff"));
        var (staff, _) = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/two-factor", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
        Assert.StartsWith("/account/sign-in", staff.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/mail")]
    public async Task Applicant_is_refused_the_staff_pages(string page)
    {
        await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        using var client = new FormClient(fixture.Factory);
        await client.SignInAsync("amina@example.org", TestAccounts.Password);

        var (response, _) = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var client = new FormClient(fixture.Factory);

        var (response, html) = await client.PostAsync("/account/sign-in",
            [("Input.Email", "amina@example.org"), ("Input.Password", TestAccounts.Password)], withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1>Dit formulier werkt niet meer</h1>", html, StringComparison.Ordinal);
    }
}
