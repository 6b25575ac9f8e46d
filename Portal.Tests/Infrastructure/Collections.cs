// xunit starts only as many collections at once as MaxParallelThreads (by default the number of cores: 2 here, which ran
// the database collections two by two). Their tests mostly wait (outbox polling, SMTP, start-ups), so let all of them run.
[assembly: CollectionBehavior(MaxParallelThreads = 8)]

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The test collections that use a database. Each has its own <see cref="DatabaseFixture"/>: its own database (migrated
/// from scratch by the real migrator), mail sink and portal, so the collections run in parallel (xunit's default for
/// collections) while the tests within one collection run one after another and reset the database between them.
/// Nothing else is shared: every portal under test has its own clock (TimeProvider), outbox worker and mail port.
/// Grouped by area, of about equal length; a class joins the group of its area.
/// </summary>
public static class Db
{
    public const string Accounts = "db: accounts";
    public const string Applications = "db: applications";
    public const string ApplicationParts = "db: budget, attachments and forms";
    public const string Organisations = "db: organisations and public pages";
    public const string Mail = "db: mail and audit";
    public const string Security = "db: security";
    public const string Coaching = "db: coaching";

    /// <summary>
    /// Tests that measure response times: they run after the parallel collections, alone, so the other collections' load
    /// does not blur the difference they look for.
    /// </summary>
    public const string Alone = "db: alone (timing)";
}

[CollectionDefinition(Db.Accounts)]
public sealed class AccountsCollection : ICollectionFixture<DatabaseFixture>;

[CollectionDefinition(Db.Applications)]
public sealed class ApplicationsCollection : ICollectionFixture<DatabaseFixture>;

[CollectionDefinition(Db.ApplicationParts)]
public sealed class ApplicationPartsCollection : ICollectionFixture<DatabaseFixture>;

[CollectionDefinition(Db.Coaching)]
public sealed class CoachingCollection : ICollectionFixture<DatabaseFixture>;

[CollectionDefinition(Db.Organisations)]
public sealed class OrganisationsCollection : ICollectionFixture<DatabaseFixture>;

[CollectionDefinition(Db.Mail)]
public sealed class MailCollection : ICollectionFixture<DatabaseFixture>;

[CollectionDefinition(Db.Security)]
public sealed class SecurityCollection : ICollectionFixture<DatabaseFixture>;

[CollectionDefinition(Db.Alone, DisableParallelization = true)]
public sealed class AloneCollection : ICollectionFixture<DatabaseFixture>;
