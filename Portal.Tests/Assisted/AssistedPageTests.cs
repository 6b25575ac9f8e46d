using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Assisted;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Tests.Files;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Assisted;

/// <summary>
/// A coach helps someone who is not online, as plain forms without JavaScript: start with recorded consent, fill in
/// through the ordinary pages, upload the signed authorisation, send in for them, and hand over with a takeover code.
/// </summary>
[Collection(Db.Applications)]
public sealed partial class AssistedPageTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const string CoachEmail = "fatima.coach@example.org";
    private readonly string coachKey = Totp.NewKey();

    public async Task InitializeAsync()
    {
        await fixture.Database.ResetAsync();
        await using var db = fixture.Database.NewContext();
        await DemoData.SeedSchemesAsync(db, TimeProvider.System);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_coach_starts_an_application_for_someone_with_recorded_consent_without_joining_the_group()
    {
        var (coach, coachId) = await SignedInCoachAsync();
        var schemeId = await SchemeIdAsync();

        var (response, _) = await coach.FillInAsync("/coach/assisted/new", StartFields(schemeId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = fixture.Database.NewContext();
        var assisted = await db.Set<AssistedApplication>().SingleAsync();
        Assert.Equal((ConsentMethod.ByPhone, "Amina Yusuf", "ar"), (assisted.Consent, assisted.PersonName, assisted.PersonLanguage));
        Assert.Equal($"/coach/assisted/{assisted.ApplicationId}", response.Headers.Location!.OriginalString);
        Assert.Empty(await db.Set<OrganisationMember>().ToListAsync());
        var grant = await db.CoachGrants.SingleAsync();
        Assert.Equal((GrantKind.Assisting, coachId, assisted.ApplicationId), (grant.Kind, grant.CoachId, grant.ApplicationId));
        var audit = await db.AuditEvents.SingleAsync(e => e.Kind == "assisted.started");
        Assert.Equal(("Coach", coachId), (audit.ActorRole, audit.UserId));
        Assert.StartsWith("consent ByPhone given on ", audit.Detail);
    }

    [Fact]
    public async Task After_starting_the_coach_completes_the_groups_profile_on_the_ordinary_organisation_pages()
    {
        var (coach, _) = await SignedInCoachAsync();
        await coach.FillInAsync("/coach/assisted/new", StartFields(await SchemeIdAsync()));
        await using var db = fixture.Database.NewContext();
        var organisationId = (await db.Set<AssistedApplication>().SingleAsync()).OrganisationId;

        var (response, _) = await coach.FillInAsync($"/organisation/{organisationId}/payment", ("Input.Route", "OwnAccount"),
            ("Input.Iban", "NL91 ABNA 0417 1643 00"), ("Input.AccountHolder", "A. Yusuf"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var organisation = await db.Organisations.Include(o => o.Members).SingleAsync();
        Assert.True(organisation.IsComplete);
        Assert.Empty(organisation.Members);
        Assert.Contains(await db.AuditEvents.Where(e => e.Kind == "organisation.payment-changed").ToListAsync(), e => e.ActorRole == "Coach");
        Assert.Equal(HttpStatusCode.NotFound, (await coach.GetAsync($"/organisation/{organisationId}/invite")).Response.StatusCode);
    }

    [Fact]
    public async Task A_refused_start_says_what_is_wrong_in_plain_words_and_keeps_what_was_typed()
    {
        var (coach, _) = await SignedInCoachAsync();
        var fields = StartFields(await SchemeIdAsync()).Where(f => !f.Name.StartsWith("Input.ConsentDay", StringComparison.Ordinal)).ToArray();

        var (response, html) = await coach.FillInAsync("/coach/assisted/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vul de datum van de toestemming in.", html);
        Assert.Contains("value=\"Amina Yusuf\"", html);
        Assert.Contains("value=\"Vrouwengroep Hatert\"", html);
        await using var db = fixture.Database.NewContext();
        Assert.False(await db.Set<AssistedApplication>().AnyAsync());
    }

    [Fact]
    public async Task Only_a_coach_with_a_second_factor_reaches_the_assisted_pages()
    {
        using var nobody = new FormClient(fixture.Factory);
        var (anonymous, _) = await nobody.GetAsync("/coach/assisted/new");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.OriginalString);

        await TestAccounts.CreateAsync(fixture.Factory, "coach.zonder.code@example.org", Roles.Coach);
        using var withoutCode = new FormClient(fixture.Factory);
        await withoutCode.SignInAsync("coach.zonder.code@example.org", TestAccounts.Password);
        var (noSecondFactor, _) = await withoutCode.GetAsync("/coach/assisted");
        Assert.Equal(HttpStatusCode.Redirect, noSecondFactor.StatusCode);
        Assert.Contains("two-factor", noSecondFactor.Headers.Location!.OriginalString);

        var key = Totp.NewKey();
        await TestAccounts.CreateAsync(fixture.Factory, "reviewer@example.org", Roles.Reviewer, authenticatorKey: key);
        using var reviewer = new FormClient(fixture.Factory);
        await reviewer.SignInWithCodeAsync("reviewer@example.org", TestAccounts.Password, key);
        foreach (var url in new[] { "/coach/assisted", "/coach/assisted/new" })
            Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync(url)).Response.StatusCode);
    }

    [Fact]
    public async Task Another_coach_cannot_open_someone_elses_assisted_application()
    {
        var (_, coachId) = await SignedInCoachAsync();
        var applicationId = await CompleteAssistedAsync(coachId);
        var otherKey = Totp.NewKey();
        await TestAccounts.CreateAsync(fixture.Factory, "other.coach@example.org", Roles.Coach, authenticatorKey: otherKey);
        using var other = new FormClient(fixture.Factory);
        await other.SignInWithCodeAsync("other.coach@example.org", TestAccounts.Password, otherKey);

        foreach (var url in new[]
                 {
                     $"/coach/assisted/{applicationId}", $"/coach/assisted/{applicationId}/authorisation", $"/coach/assisted/{applicationId}/answers",
                     $"/coach/assisted/{applicationId}/letter", $"/coach/assisted/{applicationId}/code", $"/applications/{applicationId}/activity/title",
                     $"/coach/assisted/{applicationId}?handler=File",
                 })
            Assert.True((await other.GetAsync(url)).Response.StatusCode == HttpStatusCode.NotFound, url);
        var (post, _) = await other.PostAsync($"/coach/assisted/{applicationId}?handler=Submit",
            [("Input.Declaration", "true"), ("Input.UpdatesTo", "Coach"), ("Input.PersonChannel", "LetterHandedOver")]);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task The_coach_fills_in_through_the_ordinary_pages_and_prints_the_authorisation_in_the_persons_language()
    {
        var (coach, coachId) = await SignedInCoachAsync();
        var applicationId = await CompleteAssistedAsync(coachId);

        var (form, html) = await coach.GetAsync($"/applications/{applicationId}/activity/title");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var (saved, _) = await coach.PostAsync($"/applications/{applicationId}/activity/title",
            [.. FormClient.HiddenFields(html), ("Input.Title", "Iftar voor de buurt"), ("Then", "next")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (sheet, print) = await coach.GetAsync($"/coach/assisted/{applicationId}/authorisation");

        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        Assert.Contains("lang=\"ar\" dir=\"rtl\"", print);
        Assert.Contains("إذن بتقديم طلب نيابةً عني", print);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("Iftar voor de buurt", (await db.Applications.SingleAsync()).Title);
        Assert.Contains(await db.AuditEvents.Where(e => e.Kind == "application.answer-changed").ToListAsync(), e => e.ActorRole == "Coach");
    }

    [Fact]
    public async Task Sending_in_is_refused_until_the_signed_authorisation_is_uploaded_also_through_the_ordinary_check_page()
    {
        var (coach, coachId) = await SignedInCoachAsync();
        var applicationId = await CompleteAssistedAsync(coachId);
        var page = $"/coach/assisted/{applicationId}";

        var (_, before) = await coach.GetAsync(page);
        var (refused, html) = await coach.PostAsync(page + "?handler=Submit",
            [("Input.Declaration", "true"), ("Input.UpdatesTo", "Coach"), ("Input.PersonChannel", "LetterHandedOver")]);
        var (_, check) = await coach.GetAsync($"/applications/{applicationId}/check");
        var (ordinary, _) = await coach.SubmitAsync($"/applications/{applicationId}/check",
            ("Input.TrueAndComplete", "true"), ("Input.WillReport", "true"), ("Input.MayBeChecked", "true"), ("Input.DecisionsByEmail", "true"));

        Assert.DoesNotContain("?handler=Submit", before);
        Assert.DoesNotContain("Input.TrueAndComplete", check);
        Assert.Contains($"/coach/assisted/{applicationId}#sent", check);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Eerst moet de toestemming op papier binnen zijn.", html);
        Assert.Equal(HttpStatusCode.NotFound, ordinary.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(ApplicationStatus.Draft, (await db.Applications.SingleAsync()).Status);
        Assert.False(await db.EmailMessages.AnyAsync());
    }

    [Fact]
    public async Task With_the_authorisation_the_coach_sends_in_for_the_person_and_the_chosen_recipients_are_told_who_filled_it_in()
    {
        var (coach, coachId) = await SignedInCoachAsync();
        var applicationId = await CompleteAssistedAsync(coachId, personEmail: "amina@example.org");
        var page = $"/coach/assisted/{applicationId}";

        var (uploaded, _) = await UploadAuthorisationAsync(coach, applicationId, "machtiging.pdf", TestFiles.Pdf());
        var (_, form) = await coach.GetAsync(page);
        var (sent, _) = await coach.PostAsync(page + "?handler=Submit",
            [("Input.Declaration", "true"), ("Input.UpdatesTo", "Both"), ("Input.PersonChannel", "Email")]);
        var (_, after) = await coach.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var file = await coach.Http.GetAsync(page + "?handler=File");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(TestFiles.Pdf(), await file.Content.ReadAsByteArrayAsync());
        Assert.Contains("?handler=Submit", form);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Verstuurd door coach Fatima el Amrani voor Amina Yusuf.", after);
        var (letterResponse, letter) = await coach.GetAsync($"/coach/assisted/{applicationId}/letter");
        Assert.Equal(HttpStatusCode.OK, letterResponse.StatusCode);
        Assert.Contains("lang=\"ar\" dir=\"rtl\"", letter);
        Assert.Contains("ملأه لكم Fatima el Amrani.", letter);
        var (_, status) = await coach.GetAsync($"/applications/{applicationId}/status");
        Assert.Contains("Ingediend door coach Fatima el Amrani voor Amina Yusuf.", status);
        await using var db = fixture.Database.NewContext();
        var application = await db.Applications.Include(a => a.Events).SingleAsync();
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(coachId, application.Events.Single(e => e.Status == ApplicationStatus.Submitted).ByUserId);
        var audit = await db.AuditEvents.SingleAsync(e => e.Kind == "assisted.submitted-on-behalf");
        Assert.Equal(("Coach", "updates to Both; person by Email"), (audit.ActorRole, audit.Detail));
        var mail = await db.EmailMessages.ToListAsync();
        Assert.Equal(2, mail.Count);
        // In the person's language (Arabic): "filled in for you by Fatima el Amrani".
        Assert.Contains("ملأه لكم Fatima el Amrani", mail.Single(m => m.To == "amina@example.org").TextBody);
        Assert.Contains("verstuurd voor:\nAmina Yusuf", mail.Single(m => m.To == CoachEmail).TextBody);
    }

    [Theory]
    [InlineData("Both", "Email", true, true)]
    [InlineData("Person", "Email", false, true)]
    [InlineData("Coach", "LetterHandedOver", true, false)]
    // The person gets letters only, so the coach, who hands them over, hears of it although only the person was chosen.
    [InlineData("Person", "LetterPosted", true, false)]
    public async Task A_longer_decision_term_reaches_the_recipients_chosen_at_submission_saying_who_filled_it_in(string updatesTo,
        string personChannel, bool coachTold, bool personTold)
    {
        var (coach, coachId) = await SignedInCoachAsync();
        var applicationId = await CompleteAssistedAsync(coachId, personEmail: "amina@example.org");
        var page = $"/coach/assisted/{applicationId}";
        await UploadAuthorisationAsync(coach, applicationId, "machtiging.pdf", TestFiles.Pdf());
        await coach.GetAsync(page);
        var (sent, _) = await coach.PostAsync(page + "?handler=Submit",
            [("Input.Declaration", "true"), ("Input.UpdatesTo", updatesTo), ("Input.PersonChannel", personChannel)]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var newDate = await ExtendTermAsync(applicationId, "Er kwamen deze maand heel veel aanvragen binnen.");

        await using var db = fixture.Database.NewContext();
        var notices = await db.EmailMessages.Where(m => m.Subject.Contains("langer") || m.Subject.Contains("أطول")).ToListAsync();
        Assert.Equal((coachTold ? 1 : 0) + (personTold ? 1 : 0), notices.Count);
        if (coachTold)
        {
            var toCoach = notices.Single(m => m.To == CoachEmail).TextBody;
            Assert.Contains("u invulde voor:\nAmina Yusuf", toCoach);
            Assert.Contains("> Er kwamen deze maand heel veel aanvragen binnen.", toCoach);
            Assert.Contains($"/coach/assisted/{applicationId}/letter", toCoach);
        }
        if (personTold)
        {
            // In the person's language (Arabic): "filled in for you by Fatima el Amrani", and the new date.
            var toPerson = notices.Single(m => m.To == "amina@example.org").TextBody;
            Assert.Contains("ملأه لكم Fatima el Amrani", toPerson);
            Assert.Contains(Portal.Applications.ApplicationDisplay.Date(newDate, new System.Globalization.CultureInfo("ar")), toPerson);
        }
        var (_, letter) = await coach.GetAsync($"/coach/assisted/{applicationId}/letter");
        Assert.Contains("Er kwamen deze maand heel veel aanvragen binnen.", letter);
        Assert.Contains(Portal.Applications.ApplicationDisplay.Date(newDate, new System.Globalization.CultureInfo("ar")), letter);
    }

    [Fact]
    public async Task Once_the_person_took_the_group_over_a_longer_term_goes_to_them_as_a_member_and_not_to_the_coach()
    {
        var (coach, coachId) = await SignedInCoachAsync();
        var applicationId = await CompleteAssistedAsync(coachId, personEmail: "amina@example.org");
        var page = $"/coach/assisted/{applicationId}";
        await UploadAuthorisationAsync(coach, applicationId, "machtiging.pdf", TestFiles.Pdf());
        await coach.GetAsync(page);
        await coach.PostAsync(page + "?handler=Submit", [("Input.Declaration", "true"), ("Input.UpdatesTo", "Both"), ("Input.PersonChannel", "Email")]);
        var person = await TestAccounts.CreateAsync(fixture.Factory, "amina.zelf@example.org", Roles.Applicant);
        await using (var db = fixture.Database.NewContext())
        {
            var assisted = await db.Set<AssistedApplication>().SingleAsync();
            var group = await db.Organisations.Include(o => o.Members).SingleAsync();
            var code = assisted.IssueTakeoverCode(byEmail: false, DateTimeOffset.UtcNow);
            assisted.TakeOver(code, person.Id, group, await db.CoachGrants.ToListAsync(), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        await ExtendTermAsync(applicationId, "Veel aanvragen.");

        await using var check = fixture.Database.NewContext();
        var notices = await check.EmailMessages.Where(m => m.Subject.Contains("meer tijd")).Select(m => m.To).ToListAsync();
        Assert.Equal(["amina.zelf@example.org"], notices);
    }

    /// <summary>A reviewer extends the decision term (art. 4:14 Awb) by four weeks, as the reviewer's pages will.</summary>
    private async Task<DateOnly> ExtendTermAsync(Guid applicationId, string reason)
    {
        // The application's own unit of work, so the notice is mailed from the event as in the running portal.
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var application = await db.Applications.Include(a => a.InformationRequests).Include(a => a.DelayConsents).Include(a => a.TermExtensions)
            .SingleAsync(a => a.Id == applicationId);
        var scheme = await db.Schemes.SingleAsync(s => s.Id == application.SchemeId);
        var now = DateTimeOffset.UtcNow;
        var newDate = application.DecisionDueOn(scheme, now)!.Value.AddDays(28);
        application.ExtendDecisionTerm(scheme, newDate, reason, Portal.Domain.Terms.AtwCalendar.Netherlands, Actor.Reviewer(Guid.NewGuid()), now);
        await db.SaveChangesAsync();
        return application.DecisionDueOn(scheme, now)!.Value;
    }

    [Fact]
    public async Task The_answers_print_in_the_persons_language_with_lines_to_sign()
    {
        var (coach, coachId) = await SignedInCoachAsync();
        var applicationId = await CompleteAssistedAsync(coachId);

        var (response, html) = await coach.GetAsync($"/coach/assisted/{applicationId}/answers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("lang=\"ar\" dir=\"rtl\"", html);
        Assert.Contains("توقيع Amina Yusuf", html);
        Assert.Contains("توقيع المرشد، Fatima el Amrani", html);
        Assert.Contains("Kookavond", html);
        // The coach's own page around it stays in the coach's language.
        Assert.Contains("Terug naar het overzicht", html);
    }

    [Fact]
    public async Task A_refused_upload_says_why_and_the_submit_stays_closed()
    {
        var (coach, coachId) = await SignedInCoachAsync();
        var applicationId = await CompleteAssistedAsync(coachId);

        var (response, html) = await UploadAuthorisationAsync(coach, applicationId, "machtiging.pdf", "MZ not a pdf"u8.ToArray());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("field-error", html);
        Assert.DoesNotContain("?handler=Submit", html);
        await using var db = fixture.Database.NewContext();
        Assert.False((await db.Set<AssistedApplication>().SingleAsync()).HasWrittenAuthorisation);
    }

    [Fact]
    public async Task With_a_valid_code_the_person_becomes_a_member_and_the_coachs_assisting_access_ends()
    {
        var (coach, coachId) = await SignedInCoachAsync();
        var applicationId = await CompleteAssistedAsync(coachId);
        var (_, sheet) = await coach.SubmitAsync($"/coach/assisted/{applicationId}/code", ("ByEmail", "false"));
        var code = CodePattern().Match(sheet).Value;
        var person = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant, language: "ar");
        using var amina = new FormClient(fixture.Factory);
        await amina.SignInAsync("amina@example.org", TestAccounts.Password);

        var (taken, _) = await amina.SubmitAsync("/assisted/take-over", ("Code", code.ToLowerInvariant()));
        var (again, html) = await amina.SubmitAsync("/assisted/take-over", ("Code", code));

        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("هذا الرمز", html);
        await using var db = fixture.Database.NewContext();
        var organisation = await db.Organisations.Include(o => o.Members).SingleAsync();
        Assert.Equal([person.Id], organisation.Members.Select(m => m.UserId));
        Assert.False((await db.CoachGrants.SingleAsync()).IsActive);
        Assert.Equal(HttpStatusCode.OK, (await amina.GetAsync($"/applications/{applicationId}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.GetAsync($"/coach/assisted/{applicationId}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coach.GetAsync($"/applications/{applicationId}/activity/title")).Response.StatusCode);
        Assert.Single(await db.AuditEvents.Where(e => e.Kind == "assisted.takeover-code-issued").ToListAsync());
        Assert.Single(await db.AuditEvents.Where(e => e.Kind == "assisted.taken-over").ToListAsync());
        Assert.Equal("refused", (await db.AuditEvents.SingleAsync(e => e.Kind == "assisted.takeover-refused")).Result);
    }

    [Fact]
    public async Task A_code_sent_by_email_reaches_the_person_in_their_language_and_is_refused_once_expired()
    {
        var (coach, coachId) = await SignedInCoachAsync();
        var applicationId = await CompleteAssistedAsync(coachId, personEmail: "amina@example.org");
        await coach.SubmitAsync($"/coach/assisted/{applicationId}/code", ("ByEmail", "true"));
        await using var db = fixture.Database.NewContext();
        var mail = await db.EmailMessages.SingleAsync(m => m.To == "amina@example.org");
        var code = CodePattern().Match(mail.TextBody).Value;
        Assert.Contains("ملأه لكم Fatima el Amrani", mail.TextBody);
        await fixture.Database.Database.ExecuteAsync("""UPDATE "AssistedApplications" SET "TakeoverCodeExpiresAt" = now() - interval '1 second'""");
        await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        using var amina = new FormClient(fixture.Factory);
        await amina.SignInAsync("amina@example.org", TestAccounts.Password);

        var (response, html) = await amina.SubmitAsync("/assisted/take-over", ("Code", code));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Deze code is verlopen.", html);
        Assert.Contains($"value=\"{code}\"", html);
        Assert.Empty(await db.Set<OrganisationMember>().ToListAsync());
        Assert.True((await db.CoachGrants.SingleAsync()).IsActive);
        Assert.Equal("Assisted.Takeover.Expired", (await db.AuditEvents.SingleAsync(e => e.Kind == "assisted.takeover-refused")).Detail);
    }

    [Fact]
    public async Task Posting_the_start_form_twice_makes_one_assisted_application()
    {
        var (coach, _) = await SignedInCoachAsync();
        var (_, form) = await coach.GetAsync("/coach/assisted/new");
        (string Name, string Value)[] fields = [.. FormClient.HiddenFields(form), .. StartFields(await SchemeIdAsync())];

        var (first, _) = await coach.PostAsync("/coach/assisted/new", fields);
        var (second, _) = await coach.PostAsync("/coach/assisted/new", fields);

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(1, await db.Set<AssistedApplication>().CountAsync());
        Assert.Equal(1, await db.Organisations.CountAsync());
    }

    [Fact]
    public async Task Of_two_people_using_one_code_at_the_same_moment_exactly_one_takes_over()
    {
        var (coach, coachId) = await SignedInCoachAsync();
        var applicationId = await CompleteAssistedAsync(coachId);
        var (_, sheet) = await coach.SubmitAsync($"/coach/assisted/{applicationId}/code", ("ByEmail", "false"));
        var code = CodePattern().Match(sheet).Value;
        var people = new List<FormClient>();
        foreach (var name in new[] { "amina", "yonas" })
        {
            await TestAccounts.CreateAsync(fixture.Factory, $"{name}@example.org", Roles.Applicant);
            var client = new FormClient(fixture.Factory);
            await client.SignInAsync($"{name}@example.org", TestAccounts.Password);
            await client.GetAsync("/assisted/take-over");
            people.Add(client);
        }

        var answers = await Task.WhenAll(people.Select(p => p.PostAsync("/assisted/take-over", [("Code", code)])));

        var codes = string.Join(", ", answers.Select(a => (int)a.Response.StatusCode));
        Assert.True(answers.Count(a => a.Response.StatusCode == HttpStatusCode.Redirect) == 1, codes);
        Assert.All(answers, a => Assert.True(a.Response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, codes));
        await using var db = fixture.Database.NewContext();
        Assert.Single(await db.Set<OrganisationMember>().ToListAsync());
        foreach (var person in people) person.Dispose();
    }

    private static (string Name, string Value)[] StartFields(int schemeId) =>
    [
        ("Input.PersonName", "Amina Yusuf"), ("Input.PersonLanguage", "ar"), ("Input.PersonEmail", ""),
        ("Input.OrganisationName", "Vrouwengroep Hatert"), ("Input.Kind", "InformalGroup"), ("Input.Neighbourhood", "Zuid/Hatert"),
        ("Input.SchemeId", schemeId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.Consent", "ByPhone"),
        ("Input.ConsentDay.Day", "1"), ("Input.ConsentDay.Month", DateTime.UtcNow.AddMonths(-1).Month.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Input.ConsentDay.Year", DateTime.UtcNow.AddMonths(-1).Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Input.CoachName", "Fatima el Amrani"),
    ];

    private async Task<(FormClient Client, Guid CoachId)> SignedInCoachAsync()
    {
        var user = await TestAccounts.CreateAsync(fixture.Factory, CoachEmail, Roles.Coach, authenticatorKey: coachKey);
        var client = new FormClient(fixture.Factory);
        await client.SignInWithCodeAsync(CoachEmail, TestAccounts.Password, coachKey);
        return (client, user.Id);
    }

    private async Task<int> SchemeIdAsync()
    {
        await using var db = fixture.Database.NewContext();
        return await db.Schemes.Where(s => s.Slug == DemoSchemes.SamenDoen).Select(s => s.Id).SingleAsync();
    }

    /// <summary>An assisted application complete enough to send in, built through the domain as the pages build it.</summary>
    private async Task<Guid> CompleteAssistedAsync(Guid coachId, string? personEmail = null)
    {
        var now = DateTimeOffset.UtcNow;
        var by = Actor.Coach(coachId);
        var schemeId = await SchemeIdAsync();
        var group = new Organisation("Vrouwengroep Hatert", OrganisationKind.InformalGroup, by, now);
        group.Describe(OrganisationKind.InformalGroup, null, "Zuid/Hatert", "Amina Yusuf", null, true, by, now);
        group.PayThroughHost("Buurthuis De Klif", "Els de Vries", "els@deklif.example", agreementConfirmed: true, by, now);
        var application = new Application(group.Id, schemeId, "ar", by, now);
        application.DescribeActivity("Kookavond", "Wij koken samen.", "Vrouwen uit de wijk", 20, "Zuid/Hatert",
            DateOnly.FromDateTime(now.UtcDateTime).AddDays(30), null, "Iedereen is welkom.", by, now);
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(400), by, now);
        var assisted = new AssistedApplication(application.Id, group.Id, coachId, "Fatima el Amrani", "Amina Yusuf", "ar", personEmail,
            ConsentMethod.InPerson, DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1), now);
        await using var db = fixture.Database.NewContext();
        db.Organisations.Add(group);
        db.Applications.Add(application);
        db.CoachGrants.Add(CoachGrant.Assisting(application.Id, coachId, now));
        db.Add(assisted);
        await db.SaveChangesAsync();
        return application.Id;
    }

    private static async Task<(HttpResponseMessage Response, string Html)> UploadAuthorisationAsync(FormClient client, Guid applicationId,
        string fileName, byte[] content)
    {
        var url = $"/coach/assisted/{applicationId}";
        await client.GetAsync(url);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(client.LastToken!), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Authorisation", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, url + "?handler=Authorisation") { Content = form };
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        var response = await client.Http.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{2}")]
    private static partial Regex CodePattern();
}
