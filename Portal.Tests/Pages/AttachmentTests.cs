using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Applications;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Tests.Files;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

[Collection(Db.ApplicationParts)]
public sealed class AttachmentTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const string Email = "amina@example.org";

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_small_request_needs_no_attachments_and_the_page_says_so()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation, costEuros: 600);

        var (response, html) = await client.GetAsync($"/applications/{application.Id}/attachments");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("hoeft u geen bijlagen te sturen", html, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"file\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{application.Id}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_larger_request_offers_the_typed_budget_as_the_budget_and_asks_for_the_activity_plan()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation, costEuros: 1_500);

        var (_, html) = await client.GetAsync($"/applications/{application.Id}/attachments");

        // Issue 8, 5.6: nobody is asked to upload as a file the budget they have just typed in.
        Assert.Contains("<h2 id=\"kind-BudgetPlan\">Begroting</h2>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{application.Id}/budget/overview\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Upload_BudgetPlan\"", html, StringComparison.Ordinal);
        Assert.Contains("Plan van de activiteit", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Upload_ActivityPlan\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_typed_budget_is_a_printable_page_of_its_own_for_members_only()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation, costEuros: 1_500);
        var (stranger, _) = await SignedInMemberAsync("karim@example.org", "Jongeren Dukenburg");

        var (response, html) = await client.GetAsync($"/applications/{application.Id}/budget/overview");
        var (refused, _) = await stranger.GetAsync($"/applications/{application.Id}/budget/overview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Read(html);
        Assert.Contains("<h1>Begroting</h1>", text, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Soort kosten\">Eten en drinken</td>", text, StringComparison.Ordinal);
        Assert.Contains("Boodschappen", text, StringComparison.Ordinal);
        Assert.Contains("€\u00A01.500", text, StringComparison.Ordinal);
        Assert.Contains("data-print hidden", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task Uploading_a_pdf_stores_its_bytes_and_lists_it()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation, costEuros: 1_500);
        var pdf = TestFiles.Pdf(5_000);

        var (response, _) = await UploadAsync(client, application.Id, DocumentKind.ActivityPlan, "begroting.pdf", pdf);
        var (_, html) = await client.GetAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/applications/{application.Id}/attachments?done=added", response.Headers.Location!.OriginalString);
        Assert.Contains("begroting.pdf", html, StringComparison.Ordinal);
        Assert.Contains("Het bestand is toegevoegd.", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        var attachment = await db.Set<Attachment>().SingleAsync();
        Assert.Equal(("application/pdf", 5_000L, DocumentKind.ActivityPlan), (attachment.ContentType, attachment.SizeBytes, attachment.Kind));
        Assert.Equal(pdf, (await db.AttachmentFiles.SingleAsync()).Content);
    }

    [Fact]
    public async Task A_file_name_with_a_right_to_left_override_is_stored_and_listed_as_it_really_is()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation, costEuros: 1_500);

        var (response, _) = await UploadAsync(client, application.Id, DocumentKind.ActivityPlan, "evil\u202Egnp.pdf", TestFiles.Pdf());
        var (_, html) = await client.GetAsync($"/applications/{application.Id}/attachments");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("evilgnp.pdf", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("evilgnp.pdf", (await db.Set<Attachment>().SingleAsync()).FileName);
    }

    [Theory]
    [InlineData(11 * 1024 * 1024, "11 MB")]
    [InlineData(10 * 1024 * 1024 + 1, "10,1 MB")] // rounded up: never "10 MB" for a file that is too large
    [InlineData(60 * 1024 * 1024, "60 MB")] // a phone video: still answered on the page, not with a broken connection
    public async Task A_file_above_10_MB_is_refused_plainly_and_the_files_already_uploaded_stay_listed(int bytes, string shown)
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation, costEuros: 1_500);
        await UploadAsync(client, application.Id, DocumentKind.ActivityPlan, "plan-kookavond.pdf", TestFiles.Pdf());

        var (response, html) = await UploadAsync(client, application.Id, DocumentKind.ActivityPlan, "grote-scan.pdf", TestFiles.Pdf(bytes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Dit bestand is {shown}. Een bestand mag hoogstens 10 MB zijn.", Read(html), StringComparison.Ordinal);
        Assert.Contains("href=\"#Upload_ActivityPlan\"", html, StringComparison.Ordinal);
        Assert.Contains("plan-kookavond.pdf", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(["plan-kookavond.pdf"], await db.Set<Attachment>().Select(a => a.FileName).ToListAsync());
    }

    [Fact]
    public async Task Files_together_above_25_MB_are_refused_with_what_is_left()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation, costEuros: 1_500);
        await UploadAsync(client, application.Id, DocumentKind.ActivityPlan, "deel1.pdf", TestFiles.Pdf(9 * 1024 * 1024));
        await UploadAsync(client, application.Id, DocumentKind.ActivityPlan, "deel2.pdf", TestFiles.Pdf(9 * 1024 * 1024));

        var (response, html) = await UploadAsync(client, application.Id, DocumentKind.ActivityPlan, "deel3.pdf", TestFiles.Pdf(8 * 1024 * 1024));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Alle bestanden samen mogen hoogstens 25 MB zijn. U hebt nog 7 MB over.", Read(html), StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(2, await db.Set<Attachment>().CountAsync());
    }

    [Fact]
    public async Task A_program_disguised_as_a_pdf_is_refused_and_nothing_is_stored()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation, costEuros: 1_500);

        var (response, html) = await UploadAsync(client, application.Id, DocumentKind.ActivityPlan, "begroting.pdf", TestFiles.Executable());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("De inhoud van dit bestand past niet bij de naam.", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.False(await db.AttachmentFiles.AnyAsync());
    }

    [Fact]
    public async Task A_member_downloads_the_file_as_an_attachment_with_its_own_type()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation, costEuros: 1_500);
        var png = TestFiles.Png();
        await UploadAsync(client, application.Id, DocumentKind.ActivityPlan, "bonnetjes.png", png);
        var attachmentId = await AttachmentIdAsync();

        var response = await client.Http.GetAsync($"/applications/{application.Id}/attachments/{attachmentId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("bonnetjes.png", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Someone_of_another_organisation_gets_not_found_for_the_file_and_the_page()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation, costEuros: 1_500);
        await UploadAsync(client, application.Id, DocumentKind.ActivityPlan, "begroting.pdf", TestFiles.Pdf());
        var attachmentId = await AttachmentIdAsync();
        var (stranger, _) = await SignedInMemberAsync("karim@example.org", "Jongeren Dukenburg");

        var download = await stranger.Http.GetAsync($"/applications/{application.Id}/attachments/{attachmentId}");
        var (page, _) = await stranger.GetAsync($"/applications/{application.Id}/attachments");

        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Removing_a_file_deletes_it_and_its_bytes()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation, costEuros: 1_500);
        await UploadAsync(client, application.Id, DocumentKind.ActivityPlan, "oude-begroting.pdf", TestFiles.Pdf());
        var attachmentId = await AttachmentIdAsync();
        var (_, page) = await client.GetAsync($"/applications/{application.Id}/attachments");

        var (response, _) = await client.PostAsync($"/applications/{application.Id}/attachments?handler=Remove",
            [("attachmentId", attachmentId.ToString())]);

        Assert.Contains("Verwijder dit bestand<span class=\"visually-hidden\"> oude-begroting.pdf</span>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/applications/{application.Id}/attachments?done=removed", response.Headers.Location!.OriginalString);
        await using var db = fixture.Database.NewContext();
        Assert.False(await db.Set<Attachment>().AnyAsync());
        Assert.False(await db.AttachmentFiles.AnyAsync());
    }

    [Fact]
    public async Task A_kind_of_attachment_the_scheme_does_not_ask_for_is_refused()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation, costEuros: 600);

        var (response, html) = await UploadAsync(client, application.Id, DocumentKind.BudgetPlan, "begroting.pdf", TestFiles.Pdf());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Dit soort bijlage is bij dit bedrag niet nodig.", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.False(await db.Set<Attachment>().AnyAsync());
    }

    private Task<(FormClient Client, Organisation Organisation)> SignedInMemberAsync(string email = Email, string group = "Moedergroep Hatert") =>
        fixture.SignedInApplicantAsync(email, group);

    /// <summary>Posts the upload form of one kind as a browser without JavaScript does: multipart, with the page's token.</summary>
    private static async Task<(HttpResponseMessage Response, string Html)> UploadAsync(FormClient client, Guid applicationId, DocumentKind kind,
        string fileName, byte[] content)
    {
        var url = $"/applications/{applicationId}/attachments";
        await client.GetAsync(url);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(client.LastToken!), "__RequestVerificationToken");
        form.Add(new StringContent(kind.ToString()), "Kind");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf"); // what the browser claims does not count
        form.Add(file, "Upload", fileName);
        var response = await client.Http.PostAsync(url + "?handler=Upload", form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private async Task<Guid> AttachmentIdAsync()
    {
        await using var db = fixture.Database.NewContext();
        return await db.Set<Attachment>().Select(a => a.Id).SingleAsync();
    }

    /// <summary>The page as read: entities decoded and without the isolates around sizes and dates.</summary>
    private static string Read(string html) => Portal.Domain.Common.Bidi.WithoutControls(System.Net.WebUtility.HtmlDecode(html));
}
