using Portal.Infrastructure.Localization;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Languages;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Web;

namespace Portal.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimitOptions.Register)]
[EqualResponseTime(250)]
public sealed class RegisterModel(UserManager<PortalUser> users, PortalDbContext db, AccountEmails emails, SignInLinks links,
    AuditLog audit, TimeProvider clock, PortalText text, PublicLinks publicLinks, DummyPassword dummy) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Field.Email.Required"), EmailAddress(ErrorMessage = "Field.Email.Invalid"), StringLength(256, ErrorMessage = "Field.Email.Invalid")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Field.Password.Required")]
        public string Password { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        // The password is checked before anything else, so the answer never depends on whether the address is known.
        if (PasswordRules.Check(Input.Password, email) is { } broken)
        {
            ModelState.AddModelError("Input.Password", text[broken]);
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            // Same answer, and the same time, as a new registration; the owner of the address hears about it by email.
            dummy.Verify(Input.Password);
            var token = links.Create(existing.Id);
            emails.AlreadyRegistered(existing, publicLinks.Page("/Account/Link", new { token }));
        }
        else
        {
            var user = new PortalUser
            {
                Id = Guid.NewGuid(), UserName = email, Email = email, CreatedAt = clock.GetUtcNow(),
                PreferredLanguage = Languages.Get(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName).Code,
            };
            // The role and the audit rows are saved with the account in one write: a new account must not take
            // noticeably longer than the answer for a known address (no enumeration by the clock).
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = RoleIds.Applicant });
            audit.Record(AuditKinds.Registered, user.Id, email);
            audit.Record(AuditKinds.RoleGranted, user.Id, email, Roles.Applicant);
            var created = await users.CreateAsync(user, Input.Password);
            if (!created.Succeeded)
            {
                db.ChangeTracker.Clear();
                SignInFlow.AddErrors(ModelState, "Input.Password", created, text);
                return Page();
            }
            var code = SignInFlow.EncodeToken(await users.GenerateEmailConfirmationTokenAsync(user));
            emails.ConfirmEmail(user, publicLinks.Page("/Account/ConfirmEmail", new { userId = user.Id, code }));
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return RedirectToPage("/Account/CheckEmail");
    }
}
