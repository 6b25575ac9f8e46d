using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Audit;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Web;

namespace Portal.Pages.Account;

/// <summary>Asks for an emailed one-time sign-in link: a way in without a password.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitOptions.SignInLink)]
[EqualResponseTime(60)]
public sealed class SignInLinkModel(UserManager<PortalUser> users, PortalDbContext db, SignInLinks links, AccountEmails emails,
    PublicLinks publicLinks, AuditLog audit) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Field.Email.Required"), EmailAddress(ErrorMessage = "Field.Email.Invalid"), StringLength(256, ErrorMessage = "Field.Email.Invalid")]
        public string Email { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is not null)
        {
            var token = links.Create(user.Id);
            emails.SignInLink(user, publicLinks.Page("/Account/Link", new { token }));
        }
        // Known or not, the same work: one lookup and one write, so neither the answer nor its time tells.
        audit.Record(AuditKinds.SignInLinkRequested, user?.Id, email);
        await db.SaveChangesAsync();
        return RedirectToPage("/Account/CheckEmail");
    }
}
