using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// Names people type on the organisation pages (issue 7, points 8 and 14): a line break is refused with a plain message that
/// keeps what was typed; invisible formatting characters are removed before the name is stored.
/// </summary>
[Collection(Db.Applications)]
public sealed partial class UserWrittenNameTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const string HeaderInjection = "Gemeente Nijmegen\r\nBcc: iedereen@example.org";
    private const string NotOneLine = "Schrijf de naam op één regel. Haal enters en tabs weg.";

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_new_organisation_named_with_a_line_break_is_refused_plainly_and_keeps_what_was_typed()
    {
        var (client, _) = await fixture.SignedInApplicantAsync("fatima@example.org");
        using var signedIn = client;

        var (response, html) = await client.SubmitAsync("/organisation/new", ("Input.Name", HeaderInjection), ("Input.Kind", "InformalGroup"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(NotOneLine, html, StringComparison.Ordinal);
        Assert.Equal(HeaderInjection, ValueOf(html, "Input_Name"));
        await using var db = fixture.Database.NewContext();
        Assert.Equal(1, await db.Organisations.CountAsync()); // only the one the applicant already had
    }

    [Fact]
    public async Task Renaming_contact_and_payment_names_with_a_line_break_are_refused_on_their_own_field()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("fatima@example.org");
        using var signedIn = client;
        var id = organisation.Id;

        var (_, rename) = await client.SubmitAsync($"/organisation/{id}/name", ("Input.Name", HeaderInjection), ("Input.Kind", "InformalGroup"));
        var (_, contact) = await client.SubmitAsync($"/organisation/{id}/contact", ("Input.ContactName", "Amina\nBcc: x@example.org"));
        var (_, own) = await client.SubmitAsync($"/organisation/{id}/payment",
            ("Input.Route", "OwnAccount"), ("Input.Iban", "NL91 ABNA 0417 1643 00"), ("Input.AccountHolder", "F.\tYilmaz"));
        var (_, host) = await client.SubmitAsync($"/organisation/{id}/payment",
            ("Input.Route", "HostOrganisation"), ("Input.HostName", "Buurthuis De Klif"), ("Input.HostContactName", "Els\r\nde Vries"),
            ("Input.HostEmail", "els@deklif.example"), ("Input.HostAgreement", "true"));

        Assert.Contains(NotOneLine, rename, StringComparison.Ordinal);
        Assert.Equal(HeaderInjection, ValueOf(rename, "Input_Name"));
        Assert.Contains(NotOneLine, contact, StringComparison.Ordinal);
        Assert.Equal("Amina\nBcc: x@example.org", ValueOf(contact, "Input_ContactName"));
        Assert.Contains("href=\"#Input_AccountHolder\"", own, StringComparison.Ordinal);
        Assert.Contains(NotOneLine, own, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_HostContactName\"", host, StringComparison.Ordinal);
        Assert.Contains(NotOneLine, host, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        var saved = await db.Organisations.SingleAsync();
        Assert.Equal("Moedergroep Hatert", saved.Name);
        Assert.Equal("Amina", saved.ContactName);
        Assert.Equal("Karin de Vries", saved.HostContactName);
        Assert.Null(saved.AccountHolder);
    }

    [Fact]
    public async Task Invisible_characters_are_removed_from_a_new_name_and_Arabic_with_an_emoji_is_kept()
    {
        var (client, _) = await fixture.SignedInApplicantAsync("fatima@example.org");
        using var signedIn = client;

        var (spoofed, _) = await client.SubmitAsync("/organisation/new", ("Input.Name", "Gemeente\u202E Nijmegen\u200B"), ("Input.Kind", "InformalGroup"));
        var (arabic, _) = await client.SubmitAsync("/organisation/new", ("Input.Name", "مجموعة الأمهات 🌙"), ("Input.Kind", "InformalGroup"));
        var (invisible, html) = await client.SubmitAsync("/organisation/new", ("Input.Name", "\u200B\u2066"), ("Input.Kind", "InformalGroup"));

        Assert.Equal(HttpStatusCode.Redirect, spoofed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, arabic.StatusCode);
        Assert.Equal(HttpStatusCode.OK, invisible.StatusCode);
        Assert.Contains("Vul de naam van uw groep in.", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        var names = await db.Organisations.Select(o => o.Name).ToListAsync();
        Assert.Contains("Gemeente Nijmegen", names);
        Assert.Contains("مجموعة الأمهات 🌙", names);
        Assert.Equal(3, names.Count);
    }

    private static string ValueOf(string html, string id) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"id=\"{id}\"[^>]*value=\"(?<v>[^\"]*)\"").Groups["v"].Value);
}
