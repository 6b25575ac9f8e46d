using Microsoft.AspNetCore.Mvc.Filters;
using Portal.Domain.Access;

namespace Portal.Applications;

/// <summary>
/// Writes down that a coach looked at an application the members let them in on: on every page of that application that
/// a coach reads (GET), after the access filter let them through. <see cref="CoachConsent.RecordViewAsync"/> keeps it to
/// one line an hour. A member who is a coach too looks at their own application: nothing to record.
/// </summary>
public sealed class CoachViews : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method)
            && NeedsFilter.ScopeOf(context.ActionDescriptor.AttributeRouteInfo?.Template) == NeedsFilter.Scope.Application
            && Guid.TryParse(context.RouteData.Values["id"]?.ToString(), out var id))
        {
            var access = http.RequestServices.GetRequiredService<ApplicationAccess>();
            if (await access.OnApplicationAsync(http.User, id) is { } grants && !grants.Kinds.Contains(GrantKind.Member)
                && grants.Kinds.Any(k => k is GrantKind.CoachView or GrantKind.CoachEdit) && access.UserId(http.User) is { } coachId)
                await http.RequestServices.GetRequiredService<CoachConsent>().RecordViewAsync(id, coachId);
        }
        await next();
    }
}
