using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Assisted;
using Portal.Domain.Schemes;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Email;
using Portal.Domain.Money;
using Portal.Domain.Terms;
using Portal.Tests.Infrastructure;
using Portal.TestSupport;
using MimeKit;

namespace Portal.Tests.Pages;

/// <summary>
/// Dispatch of decisions under the Wmebv (issue 12, point 3), through the portal: the question at submission, the profile,
/// the decision's email to those who agreed (what it is, its effect, what to do by when, the link), the letter for staff to
/// post when nobody agreed or the email failed after its retries, and the staff page where "posted on" is the sending date.
/// </summary>
[Collection(Db.Mail)]
public sealed class DecisionDispatchPageTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl");
    private readonly string reviewerKey = Totp.NewKey();

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Submitting_without_answering_the_email_question_is_refused_and_the_answer_given_is_recorded()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        var (_, form) = await client.GetAsync($"/applications/{draft.Id}/check");

        var (_, nothing) = await client.PostAsync($"/applications/{draft.Id}/check", []);
        var (refused, html) = await client.PostAsync($"/applications/{draft.Id}/check", Declarations);
        var (submitted, _) = await client.PostAsync($"/applications/{draft.Id}/check", [.. Declarations, ("Input.DecisionsByEmail", "false")]);

        // Asked plainly, nothing chosen beforehand.
        Assert.Contains("Mogen wij besluiten over uw aanvraag per e-mail sturen?", form, StringComparison.Ordinal);
        Assert.DoesNotMatch("name=\"Input.DecisionsByEmail\"[^>]*checked", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Kies of u besluiten per e-mail of per post wilt krijgen.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_DecisionsByEmail\"", html, StringComparison.Ordinal);
        Assert.Contains("Vink alle drie de zinnen aan.", nothing, StringComparison.Ordinal); // both refusals at once
        Assert.Contains("href=\"#Input_DecisionsByEmail\"", nothing, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        await using var db = fixture.Database.NewContext();
        var consent = await db.ElectronicContactConsents.SingleAsync();
        var user = await db.Users.SingleAsync(u => u.Email == "amina@example.org");
        Assert.Equal((user.Id, false, ConsentAskedAt.Submission, (Guid?)draft.Id, (Guid?)user.Id),
            (consent.UserId, consent.Consents, consent.AskedAt, consent.ApplicationId, consent.RecordedBy));
        Assert.Equal(ApplicationStatus.Submitted, (await db.Applications.SingleAsync(a => a.Id == draft.Id)).Status);
        var audit = await db.AuditEvents.SingleAsync(a => a.Kind == "dispatch.email-consent");
        Assert.Equal(("user", (Guid?)user.Id, "Applicant"), (audit.ObjectType, audit.ObjectId, audit.ActorRole));
        Assert.StartsWith("no; subsidy-decisions; Submission", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_answer_is_changed_in_the_profile_each_change_audited_and_the_history_kept()
    {
        var (client, _) = await fixture.SignedInApplicantAsync("amina@example.org");
        var (_, before) = await client.GetAsync("/account/profile");

        var (empty, emptyHtml) = await client.PostAsync("/account/profile?handler=DecisionsByEmail", []);
        await client.PostAsync("/account/profile?handler=DecisionsByEmail", [("ChosenDecisionsByEmail", "true")]);
        await client.GetAsync("/account/profile");
        await client.PostAsync("/account/profile?handler=DecisionsByEmail", [("ChosenDecisionsByEmail", "true")]);
        await client.GetAsync("/account/profile");
        var (withdrawn, _) = await client.PostAsync("/account/profile?handler=DecisionsByEmail", [("ChosenDecisionsByEmail", "false")]);
        var (_, after) = await client.GetAsync(withdrawn.Headers.Location!.OriginalString);

        Assert.Contains("U hebt nog niet gekozen. Tot u kiest, krijgt u besluiten per post.", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Kies of u besluiten per e-mail of per post wilt krijgen.", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("Nu: u krijgt besluiten over uw aanvragen per post.", after, StringComparison.Ordinal);
        Assert.Contains("Uw keuze is opgeslagen.", after, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        var history = await db.ElectronicContactConsents.OrderBy(c => c.RecordedAt).ToListAsync();
        Assert.Equal([true, false], history.Select(c => c.Consents)); // the same answer twice is one row
        Assert.All(history, c => Assert.Equal(ConsentAskedAt.Profile, c.AskedAt));
        Assert.Equal(["yes; subsidy-decisions; Profile", "no; subsidy-decisions; Profile"],
            await db.AuditEvents.Where(a => a.Kind == "dispatch.email-consent").OrderBy(a => a.Id).Select(a => a.Detail!).ToListAsync());
    }

    [Fact]
    public async Task With_consent_the_decision_goes_by_email_saying_what_it_is_and_the_last_day_to_object_and_is_sent_when_accepted()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org", language: "ar");
        var submitted = await SubmitAsync(client, organisation, byEmail: true);

        var decision = await DecideAsync(submitted);

        await using var db = fixture.Database.NewContext();
        var email = await db.EmailMessages.SingleAsync(m => m.To == "amina@example.org" && m.Subject.Contains("قرار"));
        var dispatch = await db.DecisionDispatches.SingleAsync(d => d.DecisionId == decision.Id);
        Assert.Equal(DispatchChannel.Email, dispatch.Route);
        Assert.Equal([email.Id], dispatch.EmailMessageIds);
        Assert.Null(dispatch.PostTaskSince);
        // Arabic first, then the Dutch text that counts; both say what it is, its effect, what to do and by when, and link to it.
        var lastDay = Decision.LastDayToObject(NijmegenTime.DayOf(email.CreatedAt), AtwCalendar.Netherlands);
        var body = email.TextBody;
        Assert.Contains("قرار بشأن طلبكم", email.Subject, StringComparison.Ordinal);
        Assert.Contains("هذا هو الإعلان الرسمي عن القرار", body, StringComparison.Ordinal);
        Assert.Contains("Dit is de officiële bekendmaking van het besluit. Het besluit geldt vanaf nu.", body, StringComparison.Ordinal);
        Assert.Contains("bezwaar (een verzoek om opnieuw naar het besluit te kijken)", body, StringComparison.Ordinal);
        Assert.Contains("De laatste dag daarvoor is: \u2068" + lastDay.ToString("d MMMM yyyy", Dutch), body, StringComparison.Ordinal);
        Assert.Contains("Uitkomst: u krijgt", body, StringComparison.Ordinal);
        Assert.Contains($"{PortalFactory.PublicUrl}/applications/{submitted.Id}/decision", body, StringComparison.Ordinal);
        Assert.True(body.IndexOf("هذا هو الإعلان", StringComparison.Ordinal) < body.IndexOf("Dit is de officiële", StringComparison.Ordinal));

        // The outbox hands it to the mail server: that moment is the sending date, and the term runs from the day after.
        var sent = await EventuallyAsync(async () =>
        {
            await using var check = fixture.Database.NewContext();
            return await check.Decisions.SingleAsync(d => d.Id == decision.Id) is { SentAt: not null } d ? d : null;
        });
        var accepted = await db.EmailMessages.AsNoTracking().SingleAsync(m => m.Id == email.Id);
        Assert.Equal((DispatchChannel.Email, accepted.SentAt), (sent.Channel!.Value, sent.SentAt));
        Assert.Equal(Decision.LastDayToObject(NijmegenTime.DayOf(accepted.SentAt!.Value), AtwCalendar.Netherlands), sent.ObjectionLastDay);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Kind == "application.decision-sent" && a.ObjectId == submitted.Id && a.ActorRole == "System"));

        // The letter itself goes with the email as a PDF: Dutch with the Arabic summary, the last day from the sending day, and
        // the same letter as the one kept on file.
        var received = Assert.Single(fixture.Smtp.To("amina@example.org"), m => m.Subject.Contains("قرار", StringComparison.Ordinal));
        Assert.Contains("Het hele besluit zit als PDF bij deze e-mail.", received.TextBody, StringComparison.Ordinal);
        var attached = Assert.Single(received.Message.Attachments.OfType<MimePart>());
        var reference = await db.Applications.Where(a => a.Id == submitted.Id).Select(a => a.Reference).SingleAsync();
        Assert.Equal(($"besluit-{reference}-1.pdf", "application/pdf"), (attached.FileName, attached.ContentType.MimeType));
        using var content = new MemoryStream();
        await attached.Content!.DecodeToAsync(content);
        var pdf = content.ToArray();
        var text = PdfText.Joined(pdf).Replace('\u00A0', ' ');
        Assert.Contains("U krijgt € 800", text, StringComparison.Ordinal);
        Assert.Contains(sent.ObjectionLastDay!.Value.ToString("d MMMM yyyy", Dutch), text, StringComparison.Ordinal);
        Assert.Contains(PdfText.Lines(pdf), line => PdfText.ReadRightToLeft(line).Contains("الرسالة الهولندية وحدها هي الرسمية", StringComparison.Ordinal));
        var kept = await EventuallyAsync(async () =>
        {
            await using var check = fixture.Database.NewContext();
            return await check.DecisionDocuments.SingleOrDefaultAsync(d => d.DecisionId == decision.Id);
        });
        Assert.Equal(PdfText.Lines(kept.Content), PdfText.Lines(pdf));
        // Other mail about this application (its receipt) goes without. The sink also holds other tests' mail to Amina.
        var others = fixture.Smtp.To("amina@example.org").Where(m => m != received && m.Subject.Contains(reference!, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(others);
        Assert.All(others, m => Assert.Empty(m.Message.Attachments));
    }

    [Fact]
    public async Task Without_consent_no_email_goes_and_staff_post_the_letter_whose_date_starts_the_term()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var submitted = await SubmitAsync(client, organisation, byEmail: false);
        var decision = await DecideAsync(submitted);
        using var reviewer = await SignedInReviewerAsync();

        var (_, list) = await reviewer.GetAsync("/review/dispatch");
        var today = NijmegenTime.DayOf(DateTimeOffset.UtcNow);
        var (future, futureHtml) = await reviewer.PostAsync($"/review/dispatch?decisionId={decision.Id}",
            [("PostedOn", today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
        var (posted, _) = await reviewer.PostAsync($"/review/dispatch?decisionId={decision.Id}",
            [("PostedOn", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
        var (_, after) = await reviewer.GetAsync(posted.Headers.Location!.OriginalString);
        var (again, _) = await reviewer.PostAsync($"/review/dispatch?decisionId={decision.Id}",
            [("PostedOn", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);

        Assert.Contains($"href=\"/review/applications/{submitted.Id}/decision\"", list, StringComparison.Ordinal);
        Assert.Contains("Niemand heeft ingestemd met e-mail.", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.Contains("Deze datum ligt in de toekomst.", futureHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("Opgeslagen. De termijn voor bezwaar loopt vanaf de dag na de postdatum.", after, StringComparison.Ordinal);
        Assert.Contains("Er zijn geen brieven om te posten.", after, StringComparison.Ordinal);
        Assert.Contains("data-channel=\"Post\"", after, StringComparison.Ordinal);
        Assert.Contains("/review/dispatch?result=AlreadySent", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.False(await db.EmailMessages.AnyAsync(m => m.To == "amina@example.org" && m.Subject.Contains("Besluit")));
        var sent = await db.Decisions.SingleAsync(d => d.Id == decision.Id);
        Assert.Equal((DispatchChannel.Post, today), (sent.Channel!.Value, NijmegenTime.DayOf(sent.SentAt!.Value)));
        Assert.Equal(Decision.LastDayToObject(today, AtwCalendar.Netherlands), sent.ObjectionLastDay);
        Assert.Contains(sent.ObjectionLastDay!.Value.ToString("d MMMM yyyy", Dutch), after, StringComparison.Ordinal);
        var dispatch = await db.DecisionDispatches.SingleAsync(d => d.DecisionId == decision.Id);
        Assert.Equal((PostReason.NoConsent, (DateOnly?)today), (dispatch.PostReason!.Value, dispatch.PostedOn));
        // The letter as posted is kept on file with the application, with the last day to object written in it.
        var kept = await db.DecisionDocuments.SingleAsync(d => d.DecisionId == decision.Id);
        Assert.Contains(sent.ObjectionLastDay!.Value.ToString("d MMMM yyyy", Dutch), Portal.TestSupport.PdfText.Joined(kept.Content), StringComparison.Ordinal);
        Assert.Equal(["application.decision-post-task", "application.decision-sent"],
            await db.AuditEvents.Where(a => a.ObjectId == submitted.Id && (a.Kind == "application.decision-post-task" || a.Kind == "application.decision-sent"))
                .OrderBy(a => a.Id).Select(a => a.Kind).ToListAsync());
    }

    [Fact]
    public async Task Consent_withdrawn_in_the_profile_sends_the_next_decision_by_post()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var submitted = await SubmitAsync(client, organisation, byEmail: true);
        await client.GetAsync("/account/profile");
        await client.PostAsync("/account/profile?handler=DecisionsByEmail", [("ChosenDecisionsByEmail", "false")]);

        var decision = await DecideAsync(submitted);

        await using var db = fixture.Database.NewContext();
        var dispatch = await db.DecisionDispatches.SingleAsync(d => d.DecisionId == decision.Id);
        Assert.Equal((DispatchChannel.Post, PostReason.NoConsent), (dispatch.Route, dispatch.PostReason!.Value));
        Assert.Empty(dispatch.EmailMessageIds);
        Assert.False(await db.EmailMessages.AnyAsync(m => m.Subject.Contains("Besluit")));
    }

    [Fact]
    public async Task Only_members_who_agreed_get_the_email()
    {
        var bram = await TestAccounts.CreateAsync(fixture.Factory, "bram@example.org", Roles.Applicant);
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        await using (var db = fixture.Database.NewContext())
        {
            var group = await db.Organisations.Include(o => o.Members).SingleAsync(o => o.Id == organisation.Id);
            group.AddMember(bram.Id, Actor.Applicant(organisation.Members[0].UserId), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var submitted = await SubmitAsync(client, organisation, byEmail: true);

        await DecideAsync(submitted);

        await using var check = fixture.Database.NewContext();
        Assert.Equal(["amina@example.org"], await check.EmailMessages.Where(m => m.Subject.Contains("Besluit")).Select(m => m.To).ToListAsync());
    }

    [Fact]
    public async Task A_bounced_email_is_retried_then_given_up_and_becomes_a_post_task_with_nothing_sent()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("yusuf@example.org");
        var submitted = await SubmitAsync(client, organisation, byEmail: true);
        fixture.Smtp.UnknownRecipients.Add("yusuf@example.org");
        try
        {
            var decision = await DecideAsync(submitted);
            Guid emailId;
            await using (var db = fixture.Database.NewContext())
                emailId = (await db.DecisionDispatches.SingleAsync(d => d.DecisionId == decision.Id)).EmailMessageIds.Single();
            // The first attempt fails and waits for its retry; skip the hours of back-off to the last attempt.
            await EventuallyAsync(async () =>
            {
                await using var db = fixture.Database.NewContext();
                return await db.EmailMessages.AsNoTracking().SingleAsync(m => m.Id == emailId) is { Attempts: >= 1, LeasedUntil: var lease } m
                    && m.LastError is not null && (lease is null || lease < DateTimeOffset.UtcNow) ? m : null;
            });
            await using (var db = fixture.Database.NewContext())
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    UPDATE "EmailMessages" SET "Attempts" = {EmailMessage.MaxAttempts - 1}, "NextAttemptAt" = now(), "LeasedUntil" = NULL WHERE "Id" = {emailId}
                    """);

            var dispatch = await EventuallyAsync(async () =>
            {
                await using var db = fixture.Database.NewContext();
                return await db.DecisionDispatches.SingleAsync(d => d.DecisionId == decision.Id) is { PostTaskSince: not null } d ? d : null;
            });
            using var reviewer = await SignedInReviewerAsync();
            var (_, list) = await reviewer.GetAsync("/review/dispatch");

            Assert.Equal(PostReason.EmailFailed, dispatch.PostReason);
            Assert.Contains("De e-mail kon niet worden bezorgd, ook niet na nieuwe pogingen.", list, StringComparison.Ordinal);
            await using var check = fixture.Database.NewContext();
            var email = await check.EmailMessages.SingleAsync(m => m.Id == emailId);
            Assert.True(email.GaveUp);
            Assert.Equal(EmailMessage.MaxAttempts, email.Attempts);
            var notSent = await check.Decisions.SingleAsync(d => d.Id == decision.Id);
            Assert.Null(notSent.SentAt); // the term to object starts only when the letter is posted
            Assert.Null(notSent.ObjectionLastDay);
            Assert.True(await check.AuditEvents.AnyAsync(a => a.Kind == "application.decision-post-task" && a.Detail!.EndsWith("EmailFailed")));
        }
        finally
        {
            fixture.Smtp.UnknownRecipients.Remove("yusuf@example.org");
        }
    }

    [Theory]
    [InlineData(PersonChannel.Email, true)]
    [InlineData(PersonChannel.LetterHandedOver, false)]
    public async Task An_assisted_application_follows_the_recipients_chosen_at_submission(PersonChannel channel, bool byEmail)
    {
        var submitted = await AssistedSubmittedAsync("amina.yusuf@example.org", channel);

        var decision = await DecideAsync(submitted);

        await using var db = fixture.Database.NewContext();
        var dispatch = await db.DecisionDispatches.SingleAsync(d => d.DecisionId == decision.Id);
        var mails = await db.EmailMessages.Where(m => m.To == "amina.yusuf@example.org").ToListAsync();
        Assert.Equal(byEmail ? DispatchChannel.Email : DispatchChannel.Post, dispatch.Route);
        if (!byEmail)
        {
            Assert.Empty(mails);
            return;
        }
        var mail = Assert.Single(mails);
        // In the person's language with the Dutch below; no portal link they could not open: their coach has the decision.
        Assert.Contains("لدى مرشدكم Fatima el Amrani القرار كاملًا أيضًا", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Uw coach Fatima el Amrani heeft het hele besluit ook.", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/decision", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applicants_never_reach_the_staff_page_nor_mark_a_letter_posted()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var submitted = await SubmitAsync(client, organisation, byEmail: false);
        var decision = await DecideAsync(submitted);

        var (page, _) = await client.GetAsync("/review/dispatch");
        var (post, _) = await client.PostAsync($"/review/dispatch?decisionId={decision.Id}", [("PostedOn", "2026-01-05")]);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/error/403", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/error/403", post.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Null((await db.Decisions.SingleAsync(d => d.Id == decision.Id)).SentAt);
    }

    [Fact]
    public async Task Marking_posted_for_an_unknown_decision_is_not_found()
    {
        using var reviewer = await SignedInReviewerAsync();
        await reviewer.GetAsync("/review/dispatch");

        var (response, _) = await reviewer.PostAsync($"/review/dispatch?decisionId={Guid.NewGuid()}", [("PostedOn", "2026-01-05")]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static readonly (string, string)[] Declarations =
        [("Input.TrueAndComplete", "true"), ("Input.WillReport", "true"), ("Input.MayBeChecked", "true")];

    /// <summary>The member sends the draft in on the check page, answering the email question.</summary>
    private async Task<Application> SubmitAsync(FormClient client, Portal.Domain.Organisations.Organisation organisation, bool byEmail)
    {
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        await client.GetAsync($"/applications/{draft.Id}/check");
        var (response, _) = await client.PostAsync($"/applications/{draft.Id}/check",
            [.. Declarations, ("Input.DecisionsByEmail", byEmail ? "true" : "false")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return draft;
    }

    /// <summary>An application a coach sent in for someone who is not online, the person hearing back as chosen.</summary>
    private async Task<Application> AssistedSubmittedAsync(string personEmail, PersonChannel channel)
    {
        var now = DateTimeOffset.UtcNow;
        var coachId = (await TestAccounts.CreateAsync(fixture.Factory, "fatima@example.org", Roles.Coach)).Id;
        var by = Actor.Coach(coachId);
        await using var db = fixture.Database.NewContext();
        await DemoData.SeedSchemesAsync(db, TimeProvider.System);
        var scheme = await db.Schemes.SingleAsync(s => s.Slug == DemoSchemes.SamenDoen);
        var group = new Portal.Domain.Organisations.Organisation("Vrouwengroep Hatert", Portal.Domain.Organisations.OrganisationKind.InformalGroup, by, now);
        group.Describe(Portal.Domain.Organisations.OrganisationKind.InformalGroup, null, "Zuid/Hatert", "Amina Yusuf", null, true, by, now);
        group.PayThroughHost("Buurthuis De Klif", "Els de Vries", "els@deklif.example", agreementConfirmed: true, by, now);
        var application = new Application(group.Id, scheme.Id, "ar", by, now);
        application.DescribeActivity("Kookavond", "Wij koken samen.", "Vrouwen uit de wijk", 20, "Zuid/Hatert",
            DateOnly.FromDateTime(now.UtcDateTime).AddDays(30), null, "Iedereen is welkom.", by, now);
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(400), by, now);
        var assisted = new AssistedApplication(application.Id, group.Id, coachId, "Fatima el Amrani", "Amina Yusuf", "ar", personEmail,
            ConsentMethod.InPerson, DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1), now);
        assisted.RecordAuthorisation("machtiging.jpg", "image/jpeg", now);
        assisted.SubmitOnBehalf(application, scheme, group, declarationAccepted: true, "NIJ-2026-00077", UpdatesTo.Person, channel, now);
        db.Organisations.Add(group);
        db.Applications.Add(application);
        db.Add(assisted);
        await db.SaveChangesAsync();
        return application;
    }

    /// <summary>A reviewer takes the decision, as the approval page does, in a context of the portal (so with its mail).</summary>
    private async Task<Decision> DecideAsync(Application submitted)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var application = await db.Applications.Include(a => a.Events).SingleAsync(a => a.Id == submitted.Id);
        var scheme = await db.Schemes.SingleAsync(s => s.Id == application.SchemeId);
        var reviewer = Actor.Reviewer(Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        application.StartReview(reviewer, now);
        application.ProposeDecision(ProposedOutcome.Grant, reviewer, now);
        application.Decide(reviewer, now);
        var decision = Decision.Take(application, scheme, 1, null, ProposedOutcome.Grant, Money.FromEuros(800), [], null, null, "{}", reviewer, now);
        db.Decisions.Add(decision);
        await db.SaveChangesAsync();
        return decision;
    }

    private async Task<FormClient> SignedInReviewerAsync()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "reviewer@example.org", Roles.Reviewer, authenticatorKey: reviewerKey);
        var client = new FormClient(fixture.Factory);
        await client.SignInWithCodeAsync("reviewer@example.org", TestAccounts.Password, reviewerKey);
        return client;
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe) where T : class
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(20); waited += TimeSpan.FromMilliseconds(100))
        {
            if (await probe() is { } found) return found;
            await Task.Delay(100);
        }
        throw new TimeoutException("The portal did not get there within 20 seconds.");
    }
}
