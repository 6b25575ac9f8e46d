using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Payments;
using Portal.Payments;
using Portal.Tests.Infrastructure;
using Portal.TestSupport;

namespace Portal.Tests.Payments;

/// <summary>
/// Issue 12, point 7, on the pages and against PostgreSQL: approvers see the granted decisions not paid yet, make a batch
/// of them and download its SEPA file; a group paid through a host organisation is paid to the host's IBAN; each decision
/// is paid once, also when two staff make a batch at the same moment; nobody else reaches the pages.
/// </summary>
[Collection(Db.ApplicationParts)]
public sealed partial class PaymentPageTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly XNamespace Ns = SepaCreditTransfer.Namespace;

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Organisation> GroupAsync(string name = "Moedergroep Hatert", string? ownIban = null)
    {
        var member = await TestAccounts.CreateAsync(fixture.Factory, $"lid{Guid.NewGuid():N}@example.org", Roles.Applicant);
        var group = await TestApplications.OrganisationAsync(fixture.Database, member.Id, name);
        if (ownIban is null) return group;
        await using var db = fixture.Database.NewContext();
        var tracked = await db.Organisations.Include(o => o.Members).SingleAsync(o => o.Id == group.Id);
        tracked.PayToOwnAccount(Iban.TryParse(ownIban, out _)!, name, Actor.Applicant(member.Id), DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return tracked;
    }

    /// <summary>An application granted through the domain's verbs, with its decision (version 1).</summary>
    private async Task<(Guid ApplicationId, Guid DecisionId)> GrantedAsync(Organisation group, string reference, long euros = 800,
        ProposedOutcome outcome = ProposedOutcome.Grant)
    {
        var draft = await TestApplications.DraftAsync(fixture.Database, group, costEuros: euros);
        await using var db = fixture.Database.NewContext();
        var application = await db.Applications.Include(a => a.BudgetLines).Include(a => a.Events).SingleAsync(a => a.Id == draft.Id);
        var scheme = await db.Schemes.SingleAsync(s => s.Id == application.SchemeId);
        var now = DateTimeOffset.UtcNow;
        application.Submit(scheme, group, declarationAccepted: true, reference, Actor.Applicant(group.Members[0].UserId), now);
        var reviewer = Actor.Reviewer(Guid.NewGuid());
        application.StartReview(reviewer, now);
        application.ProposeDecision(outcome, reviewer, now);
        application.Decide(outcome == ProposedOutcome.Refuse ? Actor.Approver(Guid.NewGuid()) : reviewer, now);
        var decision = Decision.Take(application, scheme, 1, null, outcome, outcome == ProposedOutcome.Refuse ? null : application.Requested, [],
            null, null, "{}", reviewer, now);
        db.Decisions.Add(decision);
        await db.SaveChangesAsync();
        return (application.Id, decision.Id);
    }

    private async Task<FormClient> StaffAsync(string email, string role)
    {
        var key = Totp.NewKey();
        await TestAccounts.CreateAsync(fixture.Factory, email, role, authenticatorKey: key);
        var client = new FormClient(fixture.Factory);
        await client.SignInWithCodeAsync(email, TestAccounts.Password, key);
        return client;
    }

    private static (string, string)[] Chosen(params Guid[] decisions) => decisions.Select(d => ("DecisionIds", d.ToString())).ToArray();

    [Fact]
    public async Task An_approver_makes_a_batch_of_the_granted_decisions_and_downloads_a_file_the_schema_accepts()
    {
        var own = await GroupAsync("Voetbal Eritrese jongeren 🇪🇷", ownIban: "NL44RABO0123456789");
        var (ownApplication, ownDecision) = await GrantedAsync(own, "NIJ-2026-00101", euros: 950);
        var (_, refused) = await GrantedAsync(own, "NIJ-2026-00102", outcome: ProposedOutcome.Refuse);
        using var approver = await StaffAsync("fiatteur@example.org", Roles.Approver);

        var (page, html) = await approver.GetAsync("/review/payments");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"data-decision=\"{ownDecision}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(refused.ToString(), html, StringComparison.Ordinal); // a refusal pays nothing
        Assert.Contains("NL44 RABO 0123 4567 89", html, StringComparison.Ordinal);

        var (made, _) = await approver.PostAsync("/review/payments?handler=Make", Chosen(ownDecision));

        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var batchUrl = made.Headers.Location!.OriginalString;
        var (batchPage, batchHtml) = await approver.GetAsync(batchUrl);
        Assert.Equal(HttpStatusCode.OK, batchPage.StatusCode);
        Assert.Contains("data-made", batchHtml, StringComparison.Ordinal);
        var (file, _) = await approver.PostAsync(batchUrl.Split('?')[0] + "?handler=File", []);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/xml", file.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xml", file.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        var document = XDocument.Parse(await file.Content.ReadAsStringAsync());
        Assert.Empty(SepaCreditTransfer.Validate(document));
        var transfer = document.Descendants(Ns + "CdtTrfTxInf").Single();
        Assert.Equal("950.00", transfer.Descendants(Ns + "InstdAmt").Single().Value);
        Assert.Equal("NL44RABO0123456789", transfer.Descendants(Ns + "IBAN").Single().Value);
        Assert.Equal("Voetbal Eritrese jongeren", transfer.Element(Ns + "Cdtr")!.Element(Ns + "Nm")!.Value); // the flag left out
        Assert.Contains("NIJ-2026-00101", transfer.Descendants(Ns + "Ustrd").Single().Value, StringComparison.Ordinal);
        Assert.Equal("NL38BNGH0285012345", document.Descendants(Ns + "DbtrAcct").Single().Descendants(Ns + "IBAN").Single().Value);

        // Paid: no longer waiting. The application's trail and the batch's name who did it.
        var (_, after) = await approver.GetAsync("/review/payments");
        Assert.DoesNotContain($"data-decision=\"{ownDecision}\"", after, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        var kinds = await db.AuditEvents.Where(e => e.ObjectId == ownApplication || e.ObjectType == PaymentBatchMade.ObjectType)
            .Select(e => new { e.Kind, e.ActorRole }).ToListAsync();
        Assert.Contains(kinds, k => k.Kind == "application.payment-ordered" && k.ActorRole == "Approver");
        Assert.Contains(kinds, k => k.Kind == "payment-batch.made");
        Assert.Contains(kinds, k => k.Kind == "payment-batch.downloaded");
    }

    [Fact]
    public async Task A_group_paid_through_a_host_is_paid_to_the_hosts_iban_once_staff_recorded_it()
    {
        var group = await GroupAsync(); // through "Stichting Buurtwerk Zuid", IBAN not known yet
        var (_, decision) = await GrantedAsync(group, "NIJ-2026-00201", euros: 650);
        using var approver = await StaffAsync("fiatteur@example.org", Roles.Approver);

        var (_, waiting) = await approver.GetAsync("/review/payments");
        Assert.Contains($"data-waiting=\"{decision}\"", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-decision=\"{decision}\"", waiting, StringComparison.Ordinal);
        // Made of it now: nothing, as the account is missing.
        var (none, _) = await approver.PostAsync("/review/payments?handler=Make", Chosen(decision));
        Assert.Contains("done=none", none.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var (wrong, wrongHtml) = await approver.PostAsync("/review/payments?handler=HostIban",
            [("OrganisationId", group.Id.ToString()), ("HostIban", "NL20 INGB 0001 2345 68")]);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("field-error", wrongHtml, StringComparison.Ordinal);
        var (saved, _) = await approver.PostAsync("/review/payments?handler=HostIban",
            [("OrganisationId", group.Id.ToString()), ("HostIban", "NL20 INGB 0001 2345 67")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // Another group's id in the form (one not waiting for a host's account) changes nothing.
        var stranger = await GroupAsync("Andere groep");
        var (forged, _) = await approver.PostAsync("/review/payments?handler=HostIban",
            [("OrganisationId", stranger.Id.ToString()), ("HostIban", "NL20 INGB 0001 2345 67")]);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);

        var (made, _) = await approver.PostAsync("/review/payments?handler=Make", Chosen(decision));
        var batchUrl = made.Headers.Location!.OriginalString.Split('?')[0];
        var (file, _) = await approver.PostAsync(batchUrl + "?handler=File", []);
        var transfer = XDocument.Parse(await file.Content.ReadAsStringAsync()).Descendants(Ns + "CdtTrfTxInf").Single();
        Assert.Equal("NL20INGB0001234567", transfer.Descendants(Ns + "IBAN").Single().Value);
        Assert.Equal("Stichting Buurtwerk Zuid", transfer.Element(Ns + "Cdtr")!.Element(Ns + "Nm")!.Value);
        Assert.Equal("650.00", transfer.Descendants(Ns + "InstdAmt").Single().Value);
        await using var db = fixture.Database.NewContext();
        Assert.True((await db.Set<Payment>().SingleAsync(p => p.DecisionId == decision)).ViaHost);
        Assert.Contains(await db.AuditEvents.Where(e => e.ObjectId == group.Id).Select(e => e.Kind).ToListAsync(), k => k == "organisation.payment-changed");
    }

    [Fact]
    public async Task Each_decision_is_paid_once_with_two_clicks_or_two_staff_at_the_same_moment()
    {
        var group = await GroupAsync(ownIban: "NL91ABNA0417164300");
        var decisions = new List<Guid>();
        for (var i = 1; i <= 5; i++) decisions.Add((await GrantedAsync(group, $"NIJ-2026-0030{i}", euros: 100 * i)).DecisionId);

        // Two staff members (two scopes, two connections) make a batch of the same decisions at once, several times over.
        async Task<PaymentBatches.Outcome> MakeAsync()
        {
            await using var scope = fixture.Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PaymentBatches>().MakeAsync(decisions, Actor.Approver(Guid.NewGuid()));
        }
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(MakeAsync)));

        Assert.Single(outcomes, o => o.Batch is not null);
        Assert.All(outcomes.Where(o => o.Batch is null), o => Assert.Equal(5, o.AlreadyPaid));
        await using var db = fixture.Database.NewContext();
        Assert.Equal(decisions.Order(), (await db.Set<Payment>().Select(p => p.DecisionId).ToListAsync()).Order());
        Assert.Equal(1, await db.Set<PaymentBatch>().CountAsync());

        // A second click on the page: nothing new is made.
        using var approver = await StaffAsync("fiatteur@example.org", Roles.Approver);
        await approver.GetAsync("/review/payments");
        var (again, _) = await approver.PostAsync("/review/payments?handler=Make", Chosen([.. decisions]));
        Assert.Contains("done=none", again.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // And whatever the code does, the database refuses a decision in a second batch.
        var batch = PaymentBatch.Make(99, [new PaymentOrder(decisions[0], (await db.Set<Payment>().FirstAsync(p => p.DecisionId == decisions[0])).ApplicationId,
            1, "NIJ-2026-00301", Money.FromEuros(100), "Groep", Iban.TryParse("NL91ABNA0417164300", out _)!, false)],
            new Debtor("Gemeente Nijmegen", Iban.TryParse("NL38BNGH0285012345", out _)!, "BNGHNL2G"), new DateOnly(2026, 12, 4),
            Actor.Approver(Guid.NewGuid()), DateTimeOffset.UtcNow);
        db.Add(batch);
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Contains("IX_Payments_DecisionId", refused.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_that_no_longer_stands_is_not_paid_and_its_successor_only_for_what_it_adds()
    {
        var group = await GroupAsync(ownIban: "NL91ABNA0417164300");
        var (applicationId, first) = await GrantedAsync(group, "NIJ-2026-00401", euros: 800);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PaymentBatches>().MakeAsync([first], Actor.Approver(Guid.NewGuid()));
        // After an objection the decision is reopened and a new one grants € 1,000: € 200 more is due.
        await using (var db = fixture.Database.NewContext())
        {
            var decision = await db.Decisions.SingleAsync(d => d.Id == first);
            decision.Reopen("Bezwaar gegrond", Actor.Approver(Guid.NewGuid()), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Decisions" ("Id", "ApplicationId", "Number", "Kind", "Outcome", "AmountCents", "RequestedCents", "DecidedAt", "DecidedOn",
                    "ReasonKeys", "ObligationKeys", "ApplicationSnapshot")
                VALUES ({Guid.NewGuid()}, {applicationId}, 2, 'DirectVaststelling', 'Grant', 100000, 100000, now(), current_date, '', '', CAST({"{}"} AS jsonb))
                """);
        }
        await using var check = fixture.Factory.Services.CreateAsyncScope();
        var payable = await check.ServiceProvider.GetRequiredService<PaymentBatches>().PayableAsync();

        var due = Assert.Single(payable);
        Assert.Equal(2, due.DecisionNumber);
        Assert.Equal(Money.FromEuros(200), due.Amount);
    }

    [Fact]
    public async Task Only_approvers_reach_the_payments_and_the_file()
    {
        var group = await GroupAsync(ownIban: "NL91ABNA0417164300");
        var (_, decision) = await GrantedAsync(group, "NIJ-2026-00501");
        Guid batchId;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
            batchId = (await scope.ServiceProvider.GetRequiredService<PaymentBatches>().MakeAsync([decision], Actor.Approver(Guid.NewGuid()))).Batch!.Id;

        var (applicant, _) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var reviewer = await StaffAsync("beoordelaar@example.org", Roles.Reviewer);
        using var coach = await StaffAsync("coach@example.org", Roles.Coach);
        using var admin = await StaffAsync("beheerder@example.org", Roles.Admin);
        foreach (var outsider in new[] { applicant, reviewer, coach, admin, new FormClient(fixture.Factory) })
            using (outsider)
            {
                foreach (var url in new[] { "/review/payments", $"/review/payments/{batchId}" })
                {
                    var (denied, page) = await outsider.GetAsync(url);
                    Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
                    Assert.DoesNotContain("NIJ-2026-00501", page, StringComparison.Ordinal);
                }
                var (file, body) = await outsider.PostAsync($"/review/payments/{batchId}?handler=File", []);
                Assert.NotEqual(HttpStatusCode.OK, file.StatusCode);
                Assert.DoesNotContain("CstmrCdtTrfInitn", body, StringComparison.Ordinal);
            }
        using var approver = await StaffAsync("fiatteur@example.org", Roles.Approver);
        Assert.Equal(HttpStatusCode.NotFound, (await approver.GetAsync($"/review/payments/{Guid.NewGuid()}")).Response.StatusCode);
        var (ok, html) = await approver.GetAsync($"/review/payments/{batchId}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("NIJ-2026-00501", html, StringComparison.Ordinal);
    }
}
