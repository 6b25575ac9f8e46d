using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Portal.Accounts;

/// <summary>
/// What happens when a page is refused:
/// <list type="bullet">
/// <item>A staff member without a second factor is not shown "access denied" but sent to set up two-factor sign-in:
/// no staff page opens before that is done.</item>
/// <item>A form posted after the session expired is kept (<see cref="KeptForms"/>) before the user is sent to sign in,
/// and sign-in returns to the page itself, not to the handler the form posted to.</item>
/// </list>
/// </summary>
public sealed class AuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        var user = context.User;
        if (result.Forbidden && user.IsStaff() && !user.HasSecondFactor())
        {
            var target = context.RequestServices.GetRequiredService<LinkGenerator>().GetPathByPage(context, "/Account/TwoFactorSetup",
                values: new { returnUrl = context.Request.Path + context.Request.QueryString })!;
            context.Response.Redirect(target);
            return;
        }
        if (result.Challenged && HttpMethods.IsPost(context.Request.Method))
        {
            await context.RequestServices.GetRequiredService<KeptForms>().TryKeepAsync(context);
            await context.ChallengeAsync(new AuthenticationProperties { RedirectUri = PageOf(context.Request) });
            return;
        }
        await _default.HandleAsync(next, context, policy, result);
    }

    /// <summary>The page a form was posted from: its address without the handler it posted to ("?handler=Add").</summary>
    private static string PageOf(HttpRequest request)
    {
        var query = request.Query.Where(p => !string.Equals(p.Key, "handler", StringComparison.OrdinalIgnoreCase));
        return request.PathBase + request.Path + QueryString.Create(query);
    }
}
