using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Assisted;

namespace Portal.Pages.Coach.Assisted;

/// <summary>The coach's own assisted applications: the way back to each, and the start of a new one.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(AssistedApplications assisted, UserManager<PortalUser> users) : AssistedPageModel
{
    public IReadOnlyList<AssistedApplication> Applications { get; private set; } = [];

    public async Task OnGetAsync() => Applications = await assisted.OfCoachAsync(Guid.Parse(users.GetUserId(User)!));
}
