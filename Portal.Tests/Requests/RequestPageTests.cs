using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.Access;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Messages;
using Portal.Domain.Organisations;
using Portal.Domain.Terms;
using Portal.Requests;
using Portal.Tests.Coaching;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Requests;

[CollectionDefinition(RequestPageTests.Collection)]
public sealed class RequestsCollection : ICollectionFixture<DatabaseFixture>;

/// <summary>
/// Issue 11, points 5 and 6, through the pages as a browser without JavaScript uses them: the reviewer sends a completeness
/// request or a question, the applicant reads it in the email (the text itself, in their language) and on the status page,
/// and answers with text and a file; the thread with internal notes that the applicant and the coach never see; other
/// people's ids are "not found"; a refused form keeps what was typed.
/// </summary>
[Collection(Collection)]
public sealed class RequestPageTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public const string Collection = "db: requests and messages";

    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"u8.ToArray();

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_completeness_request_is_mailed_with_its_text_and_an_answer_with_a_file_puts_the_application_back_in_review()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var _ = member;
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation);
        using var reviewer = await ReviewerReadyOnAsync(application.Id);
        var url = $"/review/applications/{application.Id}/requests";
        var respondBy = Today().AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var (sent, _) = await reviewer.SubmitAsync(url, ("Input.Kind", "Completeness"), ("Input.About", "budget.costs"),
            ("Input.Text", "Stuur de offerte van de zaal.\nMet de prijs per avond."), ("Input.RespondBy", respondBy));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var request = await RequestAsync();
        Assert.Equal(ApplicationStatus.InformationRequested, await StatusAsync(application.Id));
        var mail = await MailToAsync("amina@example.org", "Wij missen iets in uw aanvraag NIJ-2026-00042");
        Assert.Contains("> Stuur de offerte van de zaal.\n> Met de prijs per avond.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Het gaat over: de kosten", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Als wij dit niet op tijd krijgen, behandelen wij uw aanvraag niet.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"\nhttp://localhost/applications/{application.Id}/status\n", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Antwoord daarom alleen in het portaal", mail.TextBody, StringComparison.Ordinal);

        var (_, status) = await member.GetAsync($"/applications/{application.Id}/status");
        Assert.Contains("Met de prijs per avond.", WebUtility.HtmlDecode(status), StringComparison.Ordinal);
        Assert.Contains($"action=\"/applications/{application.Id}/requests\"", status, StringComparison.Ordinal);
        Assert.Contains($"name=\"RequestId\" value=\"{request.Id}\"", status, StringComparison.Ordinal);
        // The form carries its own antiforgery token (a browser posts only what the form holds).
        var form = status[status.IndexOf($"action=\"/applications/{application.Id}/requests\"", StringComparison.Ordinal)..];
        Assert.Contains("__RequestVerificationToken", form[..form.IndexOf("</form>", StringComparison.Ordinal)], StringComparison.Ordinal);

        var (answered, _) = await AnswerAsync(member, application.Id, request.Id, "De offerte zit erbij. 👍", ("offerte-zaal.pdf", Pdf));

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(ApplicationStatus.InReview, await StatusAsync(application.Id));
        await using (var db = fixture.Database.NewContext())
        {
            var file = await db.Set<Attachment>().SingleAsync(a => a.InformationRequestId == request.Id);
            Assert.Equal("offerte-zaal.pdf", file.FileName);
            Assert.Equal(Pdf, (await db.AttachmentFiles.SingleAsync(f => f.AttachmentId == file.Id)).Content);
        }
        var toReviewer = await MailToAsync("reviewer@example.org", "Antwoord van de aanvrager: NIJ-2026-00042");
        Assert.Contains("> De offerte zit erbij. 👍", toReviewer.TextBody, StringComparison.Ordinal);
        var (_, reviewPage) = await reviewer.GetAsync(url);
        Assert.Contains("offerte-zaal.pdf", reviewPage, StringComparison.Ordinal);
        Assert.Contains("De offerte zit erbij. 👍", WebUtility.HtmlDecode(reviewPage), StringComparison.Ordinal);
        // Answered once: a second answer (another tab) is refused in plain words.
        var (again, againHtml) = await AnswerAsync(member, application.Id, request.Id, "Nog eens", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Deze vraag is al beantwoord of gesloten.", againHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_changes_no_state_and_an_Arabic_reader_gets_it_in_Arabic_with_the_question_itself()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("hawa@example.org", language: "ar");
        using var _ = member;
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation);
        using var reviewer = await ReviewerReadyOnAsync(application.Id);

        await reviewer.SubmitAsync($"/review/applications/{application.Id}/requests", ("Input.Kind", "Question"),
            ("Input.Text", "Wie leidt de kookavond? من يقود الأمسية؟ 🍲"));

        Assert.Equal(ApplicationStatus.InReview, await StatusAsync(application.Id));
        var mail = await MailToAsync("hawa@example.org", "لدينا سؤال حول طلبكم NIJ-2026-00042");
        Assert.Contains("> Wie leidt de kookavond? من يقود الأمسية؟ 🍲", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("الرد على هذا البريد الإلكتروني لا يصل إلينا", mail.TextBody, StringComparison.Ordinal);
        var request = await RequestAsync();
        Assert.Equal(InformationRequestKind.Question, request.Kind);
        Assert.Null(request.RespondBy);

        await AnswerAsync(member, application.Id, request.Id, "Fatma leidt de avond. فاطمة 🙂", null);
        Assert.Equal("Fatma leidt de avond. فاطمة 🙂", (await RequestAsync()).AnswerText);
        Assert.Equal(ApplicationStatus.InReview, await StatusAsync(application.Id));
    }

    [Fact]
    public async Task Internal_notes_never_reach_the_applicant_or_the_coach_on_the_page_or_by_mail()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var _ = member;
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation);
        var coach = await TestCoaches.CreateAsync(fixture, "fatima@example.org", "Fatima", ["ar"], ["Zuid"]);
        await using (var db = fixture.Database.NewContext())
        {
            db.CoachGrants.Add(new CoachGrant(application.Id, coach.Id, GrantKind.CoachView, organisation.Members[0].UserId, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        using var coachClient = await TestCoaches.SignInAsync(fixture, coach);
        using var reviewer = await ReviewerReadyOnAsync(application.Id);
        var staffThread = $"/review/applications/{application.Id}/messages";

        await reviewer.SubmitAsync(staffThread + "?handler=Note", ("NoteText", "GEHEIM: navragen bij de buurtregisseur"));
        await reviewer.SubmitAsync(staffThread + "?handler=Message", ("MessageText", "Wij bellen u deze week."));
        await coachClient.SubmitAsync($"/applications/{application.Id}/messages", ("Text", "Ik help de groep met de offerte."));

        foreach (var client in new[] { member, coachClient })
        {
            var (page, html) = await client.GetAsync($"/applications/{application.Id}/messages");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Wij bellen u deze week.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("GEHEIM", html, StringComparison.Ordinal);
            var (staffPage, staffPageHtml) = await client.GetAsync(staffThread);
            Assert.NotEqual(HttpStatusCode.OK, staffPage.StatusCode);
            Assert.DoesNotContain("GEHEIM", staffPageHtml, StringComparison.Ordinal);
        }
        var (_, staffHtml) = await reviewer.GetAsync(staffThread);
        Assert.Contains("GEHEIM", staffHtml, StringComparison.Ordinal);
        Assert.Contains("Ik help de groep met de offerte.", staffHtml, StringComparison.Ordinal);
        await using var check = fixture.Database.NewContext();
        var mails = await check.EmailMessages.ToListAsync();
        Assert.DoesNotContain(mails, m => m.TextBody.Contains("GEHEIM", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.To == "amina@example.org" && m.TextBody.Contains("> Wij bellen u deze week.", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.To == "fatima@example.org" && m.TextBody.Contains("> Wij bellen u deze week.", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.To == "reviewer@example.org" && m.TextBody.Contains("> Ik help de groep met de offerte.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reviewer_asks_the_coach_for_context_and_the_coach_answers_without_the_group_reading_either()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var _ = member;
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation);
        using var reviewer = await ReviewerReadyOnAsync(application.Id);
        var staffThread = $"/review/applications/{application.Id}/messages";
        // No coach helps the group yet: the reviewer is not offered the question, and a forged post is refused plainly.
        var (_, noCoach) = await reviewer.GetAsync(staffThread);
        Assert.DoesNotContain("name=\"CoachText\"", noCoach, StringComparison.Ordinal);
        var (_, refused) = await reviewer.SubmitAsync(staffThread + "?handler=Coach", ("CoachText", "Kent u deze groep?"));
        Assert.Contains("Deze groep heeft geen coach die meekijkt.", refused, StringComparison.Ordinal);
        Assert.Contains("Kent u deze groep?", refused, StringComparison.Ordinal);

        var coach = await TestCoaches.CreateAsync(fixture, "fatima@example.org", "Fatima", ["ar"], ["Zuid"]);
        await using (var db = fixture.Database.NewContext())
        {
            db.CoachGrants.Add(new CoachGrant(application.Id, coach.Id, GrantKind.CoachView, organisation.Members[0].UserId, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        using var coachClient = await TestCoaches.SignInAsync(fixture, coach);
        var (asked, _) = await reviewer.SubmitAsync(staffThread + "?handler=Coach", ("CoachText", "Hoe lang bestaat deze moedergroep al?"));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var thread = $"/applications/{application.Id}/messages";
        var (_, coachView) = await coachClient.GetAsync(thread);
        Assert.Contains("Hoe lang bestaat deze moedergroep al?", coachView, StringComparison.Ordinal);
        Assert.Contains("Alleen voor de coach en de gemeente:", coachView, StringComparison.Ordinal);
        await coachClient.SubmitAsync(thread, ("Text", "Sinds 2019, elke week in De Hatert."), ("ForMunicipalityOnly", "true"));

        var (_, memberView) = await member.GetAsync(thread);
        Assert.DoesNotContain("moedergroep al?", memberView, StringComparison.Ordinal);
        Assert.DoesNotContain("Sinds 2019", memberView, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"ForMunicipalityOnly\"", memberView, StringComparison.Ordinal);
        var (_, status) = await member.GetAsync($"/applications/{application.Id}/status");
        Assert.Contains("Stuur de gemeente een bericht", status, StringComparison.Ordinal);
        var (_, staffView) = await reviewer.GetAsync(staffThread);
        Assert.Contains("Sinds 2019, elke week in De Hatert.", staffView, StringComparison.Ordinal);
        await using var check = fixture.Database.NewContext();
        var mails = await check.EmailMessages.ToListAsync();
        Assert.Contains(mails, m => m.To == "fatima@example.org" && m.TextBody.Contains("> Hoe lang bestaat deze moedergroep al?", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.To == "reviewer@example.org" && m.TextBody.Contains("> Sinds 2019, elke week in De Hatert.", StringComparison.Ordinal));
        Assert.DoesNotContain(mails, m => m.To == "amina@example.org" && (m.TextBody.Contains("moedergroep al?") || m.TextBody.Contains("Sinds 2019")));
    }

    [Fact]
    public async Task Another_users_ids_are_not_found_and_applicants_never_reach_the_reviewer_pages()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var _ = member;
        var (stranger, _) = await fixture.SignedInApplicantAsync("karin@example.org", "Buurtmoestuin");
        using var __ = stranger;
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation);
        using var reviewer = await ReviewerReadyOnAsync(application.Id);
        await reviewer.SubmitAsync($"/review/applications/{application.Id}/requests", ("Input.Kind", "Question"), ("Input.Text", "Wie leidt het?"));
        var request = await RequestAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/applications/{application.Id}/messages")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/applications/{application.Id}/requests")).Response.StatusCode);
        await stranger.GetAsync("/applications");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/applications/{application.Id}/requests",
            [("RequestId", request.Id.ToString()), ("AnswerText", "Ik ben het niet")])).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await stranger.PostAsync($"/applications/{application.Id}/messages", [("Text", "Hallo")])).Response.StatusCode);
        // A request that is not this application's is not answered: the member is sent back to the list.
        var (unknown, _) = await member.SubmitAsync($"/applications/{application.Id}/requests", ("RequestId", Guid.NewGuid().ToString()), ("AnswerText", "Hallo"));
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.True((await RequestAsync()).IsOpen);

        foreach (var page in new[] { "requests", "messages" })
            Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync($"/review/applications/{application.Id}/{page}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/review/applications/{Guid.NewGuid()}/requests")).Response.StatusCode);
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/review/applications/{draft.Id}/requests")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/review/applications/{draft.Id}/messages")).Response.StatusCode);
        Assert.Equal(0, await CountAsync<ApplicationMessage>());
    }

    [Fact]
    public async Task A_refused_form_says_why_in_plain_words_and_keeps_what_was_typed()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var _ = member;
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation);
        using var reviewer = await ReviewerReadyOnAsync(application.Id);
        var url = $"/review/applications/{application.Id}/requests";

        var (_, noText) = await reviewer.SubmitAsync(url, ("Input.Kind", "Completeness"), ("Input.Text", " "),
            ("Input.RespondBy", Today().AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Contains("Schrijf wat u wilt vragen.", noText, StringComparison.Ordinal);
        var (_, badDate) = await reviewer.SubmitAsync(url, ("Input.Kind", "Completeness"), ("Input.Text", "Stuur de offerte ✉️"), ("Input.RespondBy", "morgen"));
        Assert.Contains("Vul een datum in, zoals 16-12-2026.", badDate, StringComparison.Ordinal);
        Assert.Contains(">Stuur de offerte ✉️</textarea>", WebUtility.HtmlDecode(badDate), StringComparison.Ordinal);
        var (_, past) = await reviewer.SubmitAsync(url, ("Input.Kind", "Completeness"), ("Input.Text", "Stuur de offerte"),
            ("Input.RespondBy", Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Contains("Kies een dag na vandaag.", past, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync<InformationRequest>());

        await reviewer.SubmitAsync(url, ("Input.Kind", "Completeness"), ("Input.Text", "Stuur de offerte"),
            ("Input.RespondBy", Today().AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var request = await RequestAsync();
        var (_, empty) = await AnswerAsync(member, application.Id, request.Id, "  ", null);
        Assert.Contains("Schrijf een antwoord of kies een bestand.", empty, StringComparison.Ordinal);
        var (_, program) = await AnswerAsync(member, application.Id, request.Id, "Hier is het bestand 📎", ("offerte.pdf", "MZ\u0090\0programma"u8.ToArray()));
        Assert.Contains("Uw tekst staat er nog. Kies de bestanden opnieuw.", program, StringComparison.Ordinal);
        Assert.Contains(">Hier is het bestand 📎</textarea>", WebUtility.HtmlDecode(program), StringComparison.Ordinal);
        var tooLong = new string('x', InformationRequest.MaxTextLength + 1);
        var (_, longAnswer) = await AnswerAsync(member, application.Id, request.Id, tooLong, null);
        Assert.Contains("Deze tekst is te lang.", longAnswer, StringComparison.Ordinal);
        Assert.Contains(tooLong + "</textarea>", longAnswer, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.InformationRequested, await StatusAsync(application.Id));
        Assert.Equal(0, await CountAsync<Attachment>());

        var (_, noMessage) = await member.SubmitAsync($"/applications/{application.Id}/messages", ("Text", ""));
        Assert.Contains("Schrijf eerst uw bericht.", noMessage, StringComparison.Ordinal);
        var (_, noNote) = await reviewer.SubmitAsync($"/review/applications/{application.Id}/messages?handler=Note", ("NoteText", " "));
        Assert.Contains("Schrijf eerst uw bericht.", noNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_worker_reminds_once_three_days_before_the_term_and_after_it_the_reviewer_sees_the_date_to_decide_not_to_process()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var _ = member;
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation);
        using var reviewer = await ReviewerReadyOnAsync(application.Id);
        var sentOn = Today();
        var respondBy = AtwCalendar.Netherlands.TermEndingOn(sentOn.AddDays(14));
        await reviewer.SubmitAsync($"/review/applications/{application.Id}/requests", ("Input.Kind", "Completeness"), ("Input.Text", "Stuur het plan."),
            ("Input.RespondBy", respondBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        await Worker(respondBy.AddDays(-4)).TendAsync();
        Assert.Equal(0, await RemindersAsync());
        await Worker(respondBy.AddDays(-3)).TendAsync();
        await Worker(respondBy.AddDays(-2)).TendAsync();
        Assert.Equal(1, await RemindersAsync());
        var reminder = await MailToAsync("amina@example.org", "Herinnering: wij missen nog iets in uw aanvraag NIJ-2026-00042");
        Assert.Contains("> Stuur het plan.", reminder.TextBody, StringComparison.Ordinal);

        await Worker(respondBy).TendAsync();
        Assert.Equal(ApplicationStatus.InformationRequested, await StatusAsync(application.Id));
        await Worker(respondBy.AddDays(1)).TendAsync();

        Assert.Equal(ApplicationStatus.InReview, await StatusAsync(application.Id));
        var due = AtwCalendar.Netherlands.TermEndingOn(respondBy.AddDays(28));
        var (_, page) = await reviewer.GetAsync($"/review/applications/{application.Id}/requests");
        Assert.Contains("Besluit tot niet behandelen uiterlijk " + due.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl")),
            Bidi.WithoutControls(WebUtility.HtmlDecode(page)), StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Single(await db.AuditEvents.Where(a => a.Kind == "application.information-request-lapsed").ToListAsync());
    }

    /// <summary>
    /// Gets a reviewer ready to work on the application: an account in the Reviewer role, signed in with the second factor,
    /// no personal interest declared, and the application taken into review.
    /// </summary>
    private async Task<FormClient> ReviewerReadyOnAsync(Guid applicationId)
    {
        var key = Totp.NewKey();
        var user = await TestAccounts.CreateAsync(fixture.Factory, "reviewer@example.org", Roles.Reviewer, authenticatorKey: key);
        await using (var db = fixture.Database.NewContext())
        {
            var application = await db.Applications.Include(a => a.Events).Include(a => a.InformationRequests).SingleAsync(a => a.Id == applicationId);
            application.StartReview(Actor.Reviewer(user.Id), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        await TestApplications.DeclaredNoConflictAsync(fixture.Database, applicationId, user.Id);
        var client = new FormClient(fixture.Factory);
        await client.SignInWithCodeAsync("reviewer@example.org", TestAccounts.Password, key);
        return client;
    }

    /// <summary>Answers on the requests page as a browser without JavaScript: multipart, with the page's token, one file or none.</summary>
    private static async Task<(HttpResponseMessage Response, string Html)> AnswerAsync(FormClient client, Guid applicationId, Guid requestId,
        string text, (string Name, byte[] Content)? file)
    {
        var url = $"/applications/{applicationId}/requests";
        await client.GetAsync(url);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(client.LastToken ?? ""), "__RequestVerificationToken");
        form.Add(new StringContent(requestId.ToString()), "RequestId");
        form.Add(new StringContent(text), "AnswerText");
        if (file is { } chosen)
        {
            var content = new ByteArrayContent(chosen.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "Files", chosen.Name);
        }
        var response = await client.Http.PostAsync(url, form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private RequestWorker Worker(DateOnly day)
    {
        var services = fixture.Factory.Services;
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(1));
        return new RequestWorker(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<IConfiguration>(),
            NullLogger<RequestWorker>.Instance, new TestClock(at));
    }

    private static DateOnly Today() => NijmegenTime.DayOf(DateTimeOffset.UtcNow);

    private async Task<InformationRequest> RequestAsync()
    {
        await using var db = fixture.Database.NewContext();
        return await db.Set<InformationRequest>().SingleAsync();
    }

    private async Task<ApplicationStatus> StatusAsync(Guid id)
    {
        await using var db = fixture.Database.NewContext();
        return await db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync();
    }

    private async Task<int> CountAsync<T>() where T : class
    {
        await using var db = fixture.Database.NewContext();
        return await db.Set<T>().CountAsync();
    }

    private async Task<int> RemindersAsync()
    {
        await using var db = fixture.Database.NewContext();
        return await db.EmailMessages.CountAsync(m => m.Subject.StartsWith("Herinnering: wij missen"));
    }

    private async Task<Portal.Domain.Email.EmailMessage> MailToAsync(string to, string subject)
    {
        await using var db = fixture.Database.NewContext();
        var mails = await db.EmailMessages.Where(m => m.To == to).ToListAsync();
        return mails.SingleOrDefault(m => m.Subject == subject)
            ?? throw new Xunit.Sdk.XunitException($"No mail to {to} with subject \"{subject}\"; found: {string.Join(" | ", mails.Select(m => m.Subject))}");
    }
}
