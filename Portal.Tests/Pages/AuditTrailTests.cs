using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Access;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Audit;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// Domain events into the audit trail and the outbox (issue 8 §3): every state change of an application leaves an audit
/// row that names the application, the actor and their role, the result, the time and where the request came from — in
/// the same transaction as the change, so a change without its row cannot be committed. Edits are audited when someone
/// other than a member makes them. Take the interceptor out of <c>PortalDbContext</c> and these tests fail: the rows are
/// missing, and the database refuses the state changes at commit.
/// </summary>
[Collection(Db.Mail)]
public sealed class AuditTrailTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const string Peer = "203.0.113.7";
    private const string Browser = "Mozilla/5.0 (AuditTrailTests)";
    private static readonly (string, string)[] AllDeclarations =
        [("Input.TrueAndComplete", "true"), ("Input.WillReport", "true"), ("Input.MayBeChecked", "true"), ("Input.DecisionsByEmail", "true")];

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_state_change_through_the_portal_leaves_its_audit_row_naming_the_application_actor_role_result_and_origin()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var amina = organisation.Members[0].UserId;
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);

        await client.GetAsync($"/applications/{draft.Id}/check");
        var (submitted, _) = await client.PostAsync($"/applications/{draft.Id}/check", AllDeclarations, true,
            (TestPeer.Header, Peer), ("User-Agent", Browser));
        await client.GetAsync($"/applications/{draft.Id}/withdraw");
        var (withdrawn, _) = await client.PostAsync($"/applications/{draft.Id}/withdraw", [], true, (TestPeer.Header, Peer), ("User-Agent", Browser));

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        await using var db = fixture.Database.NewContext();
        var application = await db.Applications.Include(a => a.Events).SingleAsync(a => a.Id == draft.Id);
        // The application's own steps (the budget it held and gave back has rows of its own: "budget.*").
        var rows = await db.AuditEvents.Where(a => a.ObjectType == "application" && a.ObjectId == draft.Id && a.Kind.StartsWith("application."))
            .OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["application.started", "application.submitted", "application.withdrawn"], rows.Select(r => r.Kind));
        // One row per step of the timeline, at the same moment.
        Assert.Equal(application.Events.Select(e => e.OccurredAt), rows.Select(r => r.OccurredAt));
        foreach (var row in rows.Skip(1))
        {
            Assert.Equal((amina, "Applicant", AuditResults.Succeeded), (row.UserId!.Value, row.ActorRole, row.Result));
            Assert.Equal((Peer, Browser), (row.IpAddress, row.UserAgent));
        }
        Assert.Equal($"from Draft; {application.Reference}", rows[1].Detail);
        Assert.Equal("from Submitted", rows[2].Detail);
        // The mail the events cause went into the outbox of the same transactions: the confirmation and the withdrawal.
        var subjects = await db.EmailMessages.OrderBy(m => m.CreatedAt).Select(m => m.Subject).ToListAsync();
        Assert.Equal(2, subjects.Count);
        Assert.All(subjects, s => Assert.Contains(application.Reference!, s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_status_set_around_the_verbs_is_not_saved()
    {
        var organisation = await OrganisationAsync();
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        await using (var db = fixture.Database.NewAppContext())
        {
            var application = await db.Applications.SingleAsync(a => a.Id == draft.Id);
            db.Entry(application).Property(a => a.Status).CurrentValue = ApplicationStatus.Granted;

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("without a verb", refused.Message, StringComparison.Ordinal);
        }

        await using var check = fixture.Database.NewContext();
        Assert.Equal(ApplicationStatus.Draft, (await check.Applications.SingleAsync(a => a.Id == draft.Id)).Status);
        Assert.False(await check.AuditEvents.AnyAsync(a => a.Kind == "application.granted"));
    }

    [Fact]
    public async Task The_database_itself_refuses_a_state_change_whose_audit_row_is_not_in_the_same_transaction()
    {
        var organisation = await OrganisationAsync();
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        await using var connection = new NpgsqlConnection(fixture.Database.AppConnectionString);
        await connection.OpenAsync();
        var update = $"""UPDATE "Applications" SET "Status" = 'Granted' WHERE "Id" = '{draft.Id}'""";
        var auditRow = $"""
            INSERT INTO "AuditEvents" ("OccurredAt", "Kind", "ObjectType", "ObjectId", "Result")
            VALUES (now(), 'application.granted', 'application', '{draft.Id}', 'succeeded')
            """;

        // Around the portal, without a row: refused at commit.
        var alone = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, update));
        // A row from an earlier transaction does not count.
        await ExecuteAsync(connection, auditRow);
        var earlier = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, update));
        // With its row in the same transaction the database lets it through: the check is the row, not a ban.
        await ExecuteAsync(connection, $"BEGIN; {auditRow}; {update}; COMMIT;");

        Assert.Equal(PostgresErrorCodes.IntegrityConstraintViolation, alone.SqlState);
        Assert.Equal(PostgresErrorCodes.IntegrityConstraintViolation, earlier.SqlState);
        Assert.Contains("application.granted", alone.MessageText, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(ApplicationStatus.Granted, (await db.Applications.SingleAsync(a => a.Id == draft.Id)).Status);
    }

    [Fact]
    public async Task A_new_application_needs_its_started_row_in_the_database_too()
    {
        var organisation = await OrganisationAsync();
        await using var connection = new NpgsqlConnection(fixture.Database.AppConnectionString);
        await connection.OpenAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, $"""
            INSERT INTO "Applications" ("Id", "OrganisationId", "SchemeId", "Status", "AnswerLanguage", "OwnContributionCents",
                "OtherFundingCents", "DeclarationAccepted", "CreatedAt", "UpdatedAt", "QuestionSuggestions")
            VALUES (gen_random_uuid(), '{organisation.Id}', (SELECT min("Id") FROM "Schemes"), 'Submitted', 'nl', 0, 0, true, now(), now(), jsonb_build_object())
            """));

        Assert.Equal(PostgresErrorCodes.IntegrityConstraintViolation, refused.SqlState);
    }

    [Fact]
    public async Task An_edit_by_a_coach_is_audited_naming_the_question_and_a_members_own_edit_is_not()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        var key = Totp.NewKey();
        var coachUser = await TestAccounts.CreateAsync(fixture.Factory, "coach@example.org", Roles.Coach, authenticatorKey: key);
        await using (var db = fixture.Database.NewContext())
        {
            db.CoachGrants.Add(new CoachGrant(draft.Id, coachUser.Id, GrantKind.CoachEdit, organisation.Members[0].UserId, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        using var coach = new FormClient(fixture.Factory);
        await coach.SignInWithCodeAsync("coach@example.org", TestAccounts.Password, key);

        var (byCoach, _) = await SaveTitleAsync(coach, draft.Id, "Kookavond voor moeders en vaders");
        var (byMember, _) = await SaveTitleAsync(member, draft.Id, "Kookavond voor de hele buurt");

        Assert.Equal(HttpStatusCode.Redirect, byCoach.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, byMember.StatusCode);
        await using var check = fixture.Database.NewContext();
        var row = Assert.Single(await check.AuditEvents.Where(a => a.Kind == "application.answer-changed").ToListAsync());
        Assert.Equal((coachUser.Id, "Coach", "application", draft.Id, "activity.title"),
            (row.UserId!.Value, row.ActorRole, row.ObjectType, row.ObjectId!.Value, row.Detail));
        Assert.Equal("Kookavond voor de hele buurt", (await check.Applications.SingleAsync(a => a.Id == draft.Id)).Title);
    }

    [Fact]
    public async Task Where_the_money_goes_is_always_audited_and_a_members_other_changes_to_their_profile_are_not()
    {
        var organisation = await OrganisationAsync();
        var memberId = organisation.Members[0].UserId;
        await using (var db = fixture.Database.NewAppContext())
        {
            var stored = await db.Organisations.Include(o => o.Members).SingleAsync(o => o.Id == organisation.Id);
            var member = Actor.Applicant(memberId);
            stored.Rename("Moedergroep Hatert-Zuid", member, DateTimeOffset.UtcNow);
            stored.PayToOwnAccount(Iban.TryParse("NL91 ABNA 0417 1643 00", out _)!, "F. Yilmaz", member, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        await using var check = fixture.Database.NewContext();
        var rows = await check.AuditEvents.Where(a => a.ObjectType == "organisation" && a.ObjectId == organisation.Id).OrderBy(a => a.Id).ToListAsync();
        // Made with a host organisation (TestApplications), then renamed (no row) and paid to its own account.
        Assert.Equal(["organisation.created", "organisation.payment-changed", "organisation.payment-changed"], rows.Select(r => r.Kind));
        Assert.Equal((memberId, "Applicant", "payment"), (rows[2].UserId!.Value, rows[2].ActorRole, rows[2].Detail));
    }

    [Fact]
    public async Task Account_events_keep_their_own_rows_now_with_a_result_and_no_object()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        using var client = new FormClient(fixture.Factory);

        await client.SubmitAsync("/account/sign-in", ("Input.Email", "amina@example.org"), ("Input.Password", "not the password"));

        await using var db = fixture.Database.NewContext();
        var row = await db.AuditEvents.Where(a => a.Kind == AuditKinds.SignInFailed).SingleAsync();
        Assert.Equal((AuditResults.Refused, (string?)null, (Guid?)null, (string?)null), (row.Result, row.ObjectType, row.ObjectId, row.ActorRole));
    }

    private async Task<Organisation> OrganisationAsync()
    {
        var member = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        return await TestApplications.OrganisationAsync(fixture.Database, member.Id);
    }

    private static async Task<(HttpResponseMessage, string)> SaveTitleAsync(FormClient client, Guid id, string title)
    {
        var url = $"/applications/{id}/activity/title";
        var (_, page) = await client.GetAsync(url);
        return await client.PostAsync(url, [("Version", ApplicationTests.Hidden(page, "Version")), ("Original", ApplicationTests.Hidden(page, "Original")),
            ("Input.Title", title)]);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
