using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Audit;

namespace Portal.Pages.Account;

[AllowAnonymous]
public sealed class ConfirmEmailModel(UserManager<PortalUser> users, AuditLog audit) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(Guid? userId, string? code)
    {
        var token = SignInFlow.DecodeToken(code);
        if (userId is null || token is null || await users.FindByIdAsync(userId.Value.ToString()) is not { } user) return;
        if (user.EmailConfirmed) { Confirmed = true; return; }
        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
        if (Confirmed) await audit.RecordNowAsync(AuditKinds.EmailConfirmed, user.Id, user.Email);
    }
}
