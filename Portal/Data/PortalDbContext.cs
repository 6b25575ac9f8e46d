using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Applications;
using Portal.Domain.Audit;
using Portal.Domain.Email;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;

namespace Portal.Data;

/// <summary>
/// The one database context. Its model must match the SQL in migrations/ exactly; a test compares the two catalogues.
/// It also holds the Data Protection key ring (<see cref="IDataProtectionKeyContext"/>), so every node reads the same keys.
/// </summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<EmailMessage> EmailMessages => Set<EmailMessage>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<SignInLink> SignInLinks => Set<SignInLink>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Domain.Coaching.HelpRequest> HelpRequests => Set<Domain.Coaching.HelpRequest>();
    public DbSet<Domain.Coaching.CoachProfile> CoachProfiles => Set<Domain.Coaching.CoachProfile>();
    public DbSet<Domain.Coaching.CoachingOrganisation> CoachingOrganisations => Set<Domain.Coaching.CoachingOrganisation>();
    public DbSet<Scheme> Schemes => Set<Scheme>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<Domain.Decisions.Decision> Decisions => Set<Domain.Decisions.Decision>();
    public DbSet<DecisionDocument> DecisionDocuments => Set<DecisionDocument>();
    public DbSet<Domain.Decisions.DecisionDispatch> DecisionDispatches => Set<Domain.Decisions.DecisionDispatch>();
    public DbSet<Domain.Decisions.ElectronicContactConsent> ElectronicContactConsents => Set<Domain.Decisions.ElectronicContactConsent>();
    public DbSet<EaseFeedback> EaseFeedback => Set<EaseFeedback>();
    public DbSet<AttachmentFile> AttachmentFiles => Set<AttachmentFile>();
    public DbSet<OrganisationInvitation> OrganisationInvitations => Set<OrganisationInvitation>();
    public DbSet<KeptForm> KeptForms => Set<KeptForm>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<Portal.Domain.Access.CoachGrant> CoachGrants => Set<Portal.Domain.Access.CoachGrant>();
    public DbSet<Domain.Comments.QuestionComment> QuestionComments => Set<Domain.Comments.QuestionComment>();
    public DbSet<Domain.Comments.AnswerSummary> AnswerSummaries => Set<Domain.Comments.AnswerSummary>();

    /// <summary>The database sequence behind NIJ-YYYY-NNNNN: unique even when two submissions happen at once.</summary>
    public const string ReferenceSequence = "ApplicationReferenceNumbers";

    /// <summary>
    /// Every context, however it is made (the portal's, a worker's, a test's), turns the domain events of what it saves into
    /// audit rows and outbox mail in the same SaveChanges: no path can forget them, and none can leave them out. The
    /// portal's own options carry the recorder already (Program.cs): adding it again would make new options for every
    /// context; one made with bare options (a test's, the benchmark's seeding) gets it here.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        var interceptors = optionsBuilder.Options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors;
        if (interceptors?.Contains(Infrastructure.Events.DomainEventRecorder.Instance) != true)
            optionsBuilder.AddInterceptors(Infrastructure.Events.DomainEventRecorder.Instance);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Trigram indexes for the inbox search (migration 0020).
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        // Domain events live only until SaveChanges turns them into audit rows and mail (Infrastructure/Events).
        builder.Ignore<Domain.Events.DomainEvent>();
        builder.HasSequence<long>(ReferenceSequence);
    }
}
