using Microsoft.EntityFrameworkCore;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Assisted;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;

namespace Portal.Pages.Coach.Assisted;

/// <summary>What a coach types to start helping someone who is not online.</summary>
public sealed record StartRequest(Guid OrganisationId, Guid CoachId, string CoachName, string PersonName, string PersonLanguage,
    string? PersonEmail, string OrganisationName, OrganisationKind Kind, string Neighbourhood, int SchemeId, ConsentMethod Consent,
    DateOnly ConsentGivenOn);

/// <summary>
/// The use cases of assisted applications (PRODUCT.md B.5): start, upload the authorisation, send in on behalf, make a
/// takeover code, take over. Each one SaveChanges; audit rows and mail come from the domain events.
/// </summary>
public sealed class AssistedApplications(PortalDbContext db, TimeProvider clock)
{
    private DbSet<AssistedApplication> Assisted => db.Set<AssistedApplication>();

    /// <summary>
    /// The organisation, the draft, the coach's assisting grant and the consent, in one SaveChanges. The coach does not
    /// join the group. The profile may stay incomplete (payment) until sending in: the coach fills it in with the person.
    /// The organisation gets the id the form chose, so a double post finds what the first one made.
    /// </summary>
    /// <returns>The application's id (also when the first post of this form made it).</returns>
    public async Task<Guid> StartAsync(StartRequest request)
    {
        if (await Assisted.Where(a => a.OrganisationId == request.OrganisationId && a.CoachId == request.CoachId)
                .Select(a => (Guid?)a.ApplicationId).SingleOrDefaultAsync() is { } made)
            return made;
        var now = clock.GetUtcNow();
        var coach = Actor.Coach(request.CoachId);
        var scheme = await db.Schemes.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.SchemeId)
            ?? throw new DomainException("Assisted.Scheme.Required");
        if (!scheme.IsOpenOn(NijmegenTime.DayOf(now))) throw new DomainException("Application.Start.Closed");
        // Made in memory first: a refused name or consent leaves nothing behind.
        var organisation = new Organisation(request.OrganisationName, request.Kind, coach, now);
        organisation.UseId(request.OrganisationId);
        var application = new Application(organisation.Id, scheme.Id, request.PersonLanguage, coach, now);
        var assisted = new AssistedApplication(application.Id, organisation.Id, request.CoachId, request.CoachName, request.PersonName,
            request.PersonLanguage, request.PersonEmail, request.Consent, request.ConsentGivenOn, now);
        organisation.Describe(request.Kind, null, request.Neighbourhood, assisted.PersonName, null, null, coach, now);
        db.Organisations.Add(organisation);
        db.Applications.Add(application);
        db.CoachGrants.Add(CoachGrant.Assisting(application.Id, request.CoachId, now));
        Assisted.Add(assisted);
        await db.SaveChangesAsync();
        return application.Id;
    }

    /// <summary>The coach's own assisted applications, newest first.</summary>
    public Task<List<AssistedApplication>> OfCoachAsync(Guid coachId) =>
        Assisted.AsNoTracking().Where(a => a.CoachId == coachId).OrderByDescending(a => a.StartedAt).ToListAsync();

    /// <summary>
    /// The assisted application, when <paramref name="access"/> (the one access check) gives this user the assisting
    /// grant on it: another coach, or this coach after the takeover, gets null (404).
    /// </summary>
    public async Task<AssistedApplication?> ForAsync(ApplicationAccess.ObjectAccess? access, Guid applicationId) =>
        access is not null && access.Kinds.Contains(GrantKind.Assisting) && access.Allows(Capability.SubmitOnBehalf)
            ? await Assisted.SingleOrDefaultAsync(a => a.ApplicationId == applicationId && a.TakenOverAt == null)
            : null;

    public async Task UploadAuthorisationAsync(AssistedApplication assisted, string fileName, string contentType, byte[] content)
    {
        assisted.RecordAuthorisation(fileName, contentType, clock.GetUtcNow());
        var file = await db.Set<AssistedAuthorisationFile>().FindAsync(assisted.ApplicationId);
        if (file is null) db.Add(new AssistedAuthorisationFile { ApplicationId = assisted.ApplicationId, Content = content });
        else file.Content = content;
        await db.SaveChangesAsync();
    }

    public Task<AssistedAuthorisationFile?> AuthorisationFileAsync(Guid applicationId) =>
        db.Set<AssistedAuthorisationFile>().AsNoTracking().SingleOrDefaultAsync(f => f.ApplicationId == applicationId);

    /// <summary>
    /// Sends in on the person's behalf, once: the row lock and reference as <see cref="SubmitApplication"/> takes them;
    /// the domain refuses it without the written authorisation.
    /// </summary>
    public async Task<SubmitOutcome> SubmitAsync(Guid applicationId, Guid coachId, bool declarationAccepted, UpdatesTo updatesTo,
        PersonChannel personChannel)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($"""SELECT 1 FROM "Applications" WHERE "Id" = {applicationId} FOR UPDATE""");
        db.ChangeTracker.Clear();
        var assisted = await Assisted.SingleOrDefaultAsync(a => a.ApplicationId == applicationId && a.CoachId == coachId && a.TakenOverAt == null);
        if (assisted is null) return SubmitOutcome.NotFound;
        var application = await db.Applications.Include(a => a.BudgetLines).Include(a => a.Events).Include(a => a.Attachments)
            .Include(a => a.DelayConsents).SingleAsync(a => a.Id == applicationId);
        if (!application.IsEditable) return SubmitOutcome.AlreadySubmitted;
        var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == application.SchemeId);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == application.OrganisationId);
        if (SubmitApplication.MissingKeys(application, scheme, organisation).Count > 0) return SubmitOutcome.Incomplete;
        if (!declarationAccepted) return SubmitOutcome.DeclarationMissing;
        var now = clock.GetUtcNow();
        var reference = application.Reference;
        if (reference is null)
        {
            var number = await db.Database.SqlQuery<long>($"""SELECT nextval('"ApplicationReferenceNumbers"') AS "Value" """).SingleAsync();
            reference = ReferenceNumber.Format(now.Year, number);
        }
        assisted.SubmitOnBehalf(application, scheme, organisation, declarationAccepted, reference, updatesTo, personChannel, now);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return SubmitOutcome.Submitted;
    }

    /// <summary>A new takeover code; by email it goes into the outbox in the same SaveChanges.</summary>
    public async Task<string> IssueTakeoverCodeAsync(AssistedApplication assisted, bool byEmail, Action<string>? mail = null)
    {
        var code = assisted.IssueTakeoverCode(byEmail, clock.GetUtcNow());
        if (byEmail) mail?.Invoke(code);
        await db.SaveChangesAsync();
        return code;
    }

    /// <summary>
    /// The person, signed in, takes the group over with the code: member now, the coach's assisting grant ended, all in
    /// one SaveChanges; two people with one code at once: the row's version lets one through.
    /// </summary>
    /// <returns>The organisation's id.</returns>
    public async Task<Guid> TakeOverAsync(string? code, Guid userId)
    {
        var hash = TakeoverCode.Hash(code) ?? throw new DomainException("Assisted.Takeover.Unknown");
        var assisted = await Assisted.SingleOrDefaultAsync(a => a.TakeoverCodeHash == hash) ?? throw new DomainException("Assisted.Takeover.Unknown");
        var organisation = await db.Organisations.Include(o => o.Members).SingleAsync(o => o.Id == assisted.OrganisationId);
        var applicationIds = db.Applications.Where(a => a.OrganisationId == organisation.Id).Select(a => a.Id);
        var grants = await db.CoachGrants.Where(g => applicationIds.Contains(g.ApplicationId) && g.RevokedAt == null).ToListAsync();
        assisted.TakeOver(code, userId, organisation, grants, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Assisted.Takeover.Used");
        }
        return organisation.Id;
    }
}
