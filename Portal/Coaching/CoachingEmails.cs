using Microsoft.EntityFrameworkCore;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Coaching;
using Portal.Domain.Languages;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Web;

namespace Portal.Coaching;

/// <summary>
/// The emails of coaching (issue 10, point 11), each in the recipient's language, through the outbox of the caller's
/// unit of work: new requests for a coach (bundled), "your coach is X" for the person, the handover, the escalation to
/// every coach and the admin, and the overdue reminder.
/// </summary>
public sealed class CoachingEmails(PortalDbContext db, EmailOutbox outbox, PortalText text, PublicLinks links)
{
    /// <summary>One email for every request offered to the coach since the last one (a quiet inbox, not one per request).</summary>
    public void NewRequests(PortalUser coach, IReadOnlyList<HelpRequest> requests) =>
        outbox.Enqueue(coach.Email!, coach.PreferredLanguage, culture =>
            (text["Coaching.Email.New.Subject", requests.Count],
                text["Coaching.Email.New.Body", string.Join("\n", requests.Select(Line)), links.Page("/Coach/Index")]));

    /// <summary>"Your coach is X; they will contact you by phone before Thursday 10 December." To the person, if they have an email.</summary>
    public async Task ClaimedAsync(HelpRequest request, CoachProfile coach)
    {
        if (await PersonAsync(request) is not var (email, language)) return;
        outbox.Enqueue(email, language, culture =>
            (text["Coaching.Email.Claimed.Subject", coach.Name],
                text["Coaching.Email.Claimed.Body", coach.Name, text[$"Coaching.Channel.{request.Channel}"],
                    ApplicationDisplay.Date(request.AnswerBy, culture), ContactOf(coach)]));
    }

    /// <summary>A warm handover: the person hears who takes over, the new coach gets the note.</summary>
    public async Task HandedOverAsync(HelpRequest request, CoachProfile from, CoachProfile to, PortalUser toUser)
    {
        if (await PersonAsync(request) is var (email, language))
            outbox.Enqueue(email, language, _ =>
                (text["Coaching.Email.HandedOver.Subject", to.Name],
                    text["Coaching.Email.HandedOver.Body", from.Name, to.Name, ContactOf(to)]));
        outbox.Enqueue(toUser.Email!, toUser.PreferredLanguage, _ =>
            (text["Coaching.Email.HandedOverToCoach.Subject", from.Name],
                text["Coaching.Email.HandedOverToCoach.Body", from.Name, Line(request), "> " + request.HandoverNote,
                    links.Page("/Coach/Request", new { id = request.Id })]));
    }

    /// <summary>Nobody claimed it within a working day: every coach and every admin.</summary>
    public async Task EscalatedAsync(HelpRequest request)
    {
        var coaches = await db.Users.AsNoTracking().Where(u => db.CoachProfiles.Any(p => p.UserId == u.Id) && u.Email != null).ToListAsync();
        var adminRole = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleOrDefaultAsync();
        var admins = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == adminRole) && u.Email != null).ToListAsync();
        foreach (var user in coaches.Concat(admins).DistinctBy(u => u.Id))
            outbox.Enqueue(user.Email!, user.PreferredLanguage, _ =>
                (text["Coaching.Email.Escalated.Subject"],
                    text["Coaching.Email.Escalated.Body", Line(request), links.Page("/Coach/Request", new { id = request.Id })]));
    }

    /// <summary>The promised day passed without contact: the coach who has it.</summary>
    public async Task OverdueAsync(HelpRequest request, Guid coachId)
    {
        if (await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == coachId) is not { Email: not null } coach) return;
        outbox.Enqueue(coach.Email, coach.PreferredLanguage, culture =>
            (text["Coaching.Email.Overdue.Subject"],
                text["Coaching.Email.Overdue.Body", Line(request), ApplicationDisplay.Date(request.AnswerBy, culture),
                    links.Page("/Coach/Request", new { id = request.Id })]));
    }

    /// <summary>"- Vraag over: Begroting — Samen Doen (العربية, telefoon)" in the coach's language.</summary>
    private string Line(HelpRequest request) =>
        "- " + text["Coaching.Email.Line", HelpOrigins.Describe(request.Origin, text),
            ApplicationDisplay.AnswerLanguageName(text, request.Language), text[$"Coaching.Channel.{request.Channel}"]];

    private string ContactOf(CoachProfile coach) =>
        string.Join(", ", new[] { coach.Phone, coach.Email }.OfType<string>()) is { Length: > 0 } contact ? contact : "-";

    /// <summary>Where the person reads email, and in which language: their account's, or the one they asked in.</summary>
    private async Task<(string Email, string Language)?> PersonAsync(HelpRequest request)
    {
        if (request.Requester.UserId is { } userId
            && await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId) is { Email: not null } user)
            return (user.Email, user.PreferredLanguage);
        return request.Requester.Email is { } email
            ? (email, Languages.IsOffered(request.Language) ? request.Language : Languages.Default)
            : null;
    }
}
