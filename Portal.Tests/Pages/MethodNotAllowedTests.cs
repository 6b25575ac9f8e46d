using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// Issue 7, point 12: a POST to a page that only shows something (a scheme, a quick-check step) ran no handler and
/// rendered the page with an empty model: a 500. One rule for every page: a method it has no handler for gets 405 with
/// an Allow header and the plain error page.
/// </summary>
[Collection(Db.Organisations)]
public sealed partial class MethodNotAllowedTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const string CoachKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_page_without_a_form_answers_a_post_with_405_the_methods_it_allows_and_the_plain_error_page()
    {
        var readOnly = (await PagesAsync()).Where(p => !p.Methods.Contains("POST")).ToList();
        // A staff member with a second factor passes every page's policy, so the answer is the page's own.
        using var client = await SignedInStaffAsync();
        await client.GetAsync("/");

        var wrong = new List<string>();
        foreach (var (template, methods) in readOnly)
        {
            var (response, html) = await client.PostAsync(Address(template), [("Input.Anything", "x")]);
            var allow = response.Content.Headers.Allow;
            if (response.StatusCode != HttpStatusCode.MethodNotAllowed || !methods.SetEquals(allow)
                || !html.Contains("<h1>Dit kan niet op deze pagina</h1>", StringComparison.Ordinal))
                wrong.Add($"{template}: {(int)response.StatusCode}, Allow: {string.Join(", ", allow)}");
        }

        Assert.Contains(readOnly, p => p.Template == "schemes/{slug}");
        Assert.Contains(readOnly, p => p.Template == "schemes/{slug}/check/{n:int}");
        Assert.Contains(readOnly, p => p.Template == "schemes/{slug}/check/result");
        Assert.True(wrong.Count == 0, "Read-only pages that did not answer 405:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_method_no_page_handles_gets_405_also_on_a_page_with_a_form()
    {
        using var client = new FormClient(fixture.Factory);
        await client.GetAsync("/account/sign-in");
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", client.LastToken!)]),
        };

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD", "POST"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task A_form_handler_that_does_not_exist_is_not_found()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var signedIn = client;
        var application = await TestApplications.DraftAsync(fixture.Database, organisation);
        await client.GetAsync($"/applications/{application.Id}/budget");

        var (response, html) = await client.PostAsync($"/applications/{application.Id}/budget?handler=Explode", [("Cost.Amount", "5")]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Deze pagina bestaat niet</h1>", html, StringComparison.Ordinal);
    }

    /// <summary>Every page with the methods its handlers answer, as the framework itself finds them.</summary>
    private async Task<List<(string Template, HashSet<string> Methods)>> PagesAsync()
    {
        var loader = fixture.Factory.Services.GetRequiredService<PageLoader>();
        var pages = new List<(string, HashSet<string>)>();
        foreach (var endpoint in fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            var methods = compiled.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet();
            methods.Add("GET"); // a page without any handler is still shown
            methods.Add("HEAD");
            pages.Add((endpoint.RoutePattern.RawText!.TrimStart('/'), methods));
        }
        Assert.True(pages.Count >= 40, $"Expected every page, found {pages.Count}");
        return pages;
    }

    /// <summary>An address for a route template: any value fits, the method is refused before the page looks at it.</summary>
    private static string Address(string template) =>
        "/" + Parameter().Replace(template, m => m.Groups["constraint"].Value switch
        {
            ":guid" => Guid.NewGuid().ToString(),
            ":int" => "1",
            _ => "kleine-subsidie-samen-doen",
        });

    private async Task<FormClient> SignedInStaffAsync()
    {
        var staff = await TestAccounts.CreateAsync(fixture.Factory, "coach@example.org", Roles.Coach, authenticatorKey: CoachKey);
        // Reviewer and approver pages (issue 11) ask for those roles: one member of staff holding them all passes every policy.
        using (var scope = fixture.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Portal.Data.PortalUser>>();
            await users.AddToRolesAsync((await users.FindByIdAsync(staff.Id.ToString()))!, [Roles.Reviewer, Roles.Approver]);
        }
        var client = new FormClient(fixture.Factory);
        await client.SignInWithCodeAsync("coach@example.org", TestAccounts.Password, CoachKey);
        return client;
    }

    [GeneratedRegex(@"\{(?<name>\w+)(?<constraint>:\w+)?\??\}")]
    private static partial Regex Parameter();
}
