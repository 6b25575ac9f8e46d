using System.Globalization;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Web;
using Portal.Domain.Access;

namespace Portal.Pages.Organisations;

/// <summary>
/// A member invites someone from the group by email, so more than one person can apply for it. The email is written in
/// the inviter's current language (the recipient's is unknown) and goes through the outbox with the invitation.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class InviteModel(ApplicationAccess access, PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock,
    EmailOutbox outbox, PortalText text, PublicLinks publicLinks) : PageModel
{
    private readonly Invitations invitations = new(db, clock);

    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Email { get; set; }
    }

    public Organisation Organisation { get; private set; } = null!;
    /// <summary>Who was just invited; kept in TempData so an email address never lands in a URL or a log.</summary>
    [TempData] public string? SentTo { get; set; }

    [Needs(Capability.InviteMembers)]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await access.OrganisationAsync(User, id) is not { } organisation) return NotFound();
        Organisation = organisation;
        return Page();
    }

    [Needs(Capability.InviteMembers)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await access.OrganisationAsync(User, id) is not { } organisation) return NotFound();
        if (await users.GetUserAsync(User) is not { } inviter) return Challenge();
        Organisation = organisation;
        var email = Input.Email?.Trim() ?? "";
        if (email.Length == 0) ModelState.AddModelError("Input.Email", text["Invite.Email.Required"]);
        // The attribute lets "a@b.example\tBcc" through: an address with a space or control character is never one we can mail.
        else if (email.Length > 256 || !new EmailAddressAttribute().IsValid(email) || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            ModelState.AddModelError("Input.Email", text["Invite.Email.Invalid"]);
        else if (await IsMemberAsync(organisation, email)) ModelState.AddModelError("Input.Email", text["Invite.AlreadyMember"]);
        else if (await invitations.LimitReachedAsync(organisation.Id, inviter.Id, email) is { } limit)
            ModelState.AddModelError("Input.Email", text[limit.Key, limit.Limit]);
        if (!ModelState.IsValid) return Page();

        var token = invitations.Create(organisation.Id, email, inviter.Id);
        var link = publicLinks.Page("/Organisation/Join", new { token });
        // The invitee's language is unknown: the mail speaks the inviter's current language. What users wrote (the
        // group's name, the inviter's address) stays out of the subject and is quoted in the body, so it can never pass
        // for a message of the municipality.
        outbox.Enqueue(email, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            _ => (text["Invite.Mail.Subject"], text["Invite.Mail.Body", Quoted(inviter.Email ?? ""), Quoted(organisation.Name), link]));
        await db.SaveChangesAsync();
        SentTo = email;
        return RedirectToPage("/Organisation/Invite", new { id = organisation.Id });
    }

    /// <summary>A mail client shows a line that starts with "> " as a quotation, apart from our own words.</summary>
    private static string Quoted(string writtenByUser) => "> " + UserText.AsOneLine(writtenByUser);

    private async Task<bool> IsMemberAsync(Organisation organisation, string email)
    {
        var memberIds = organisation.Members.Select(m => m.UserId).ToList();
        var normalized = users.NormalizeEmail(email);
        return await db.Users.AnyAsync(u => memberIds.Contains(u.Id) && u.NormalizedEmail == normalized);
    }
}
