using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Portal.Data;
using Portal.Infrastructure.Web;

namespace Portal.Accounts;

/// <summary>
/// Server-side sessions. Every sign-in starts one and writes its id into the cookie (<see cref="ClaimType"/>); every
/// request checks that the session has not ended. So sign-out really signs out, and new credentials end every other
/// browser at once — a copied cookie dies with its session, however often it is renewed.
/// <para>The check costs one primary-key lookup, and is remembered for <see cref="CheckedFor"/> on this node: a session
/// ended on another node may keep working here for those few seconds, never longer.</para>
/// </summary>
public sealed class UserSessions(PortalDbContext db, IMemoryCache cache, TimeProvider time)
{
    public const string ClaimType = "portal:sid";
    public static readonly TimeSpan CheckedFor = TimeSpan.FromSeconds(5);
    /// <summary>The last-seen time is written at most this often: a session is not one write per request.</summary>
    public static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(1);
    /// <summary>The cookie ends after 30 idle minutes; the server agrees, with the last-seen time's precision on top.</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(30) + LastSeenPrecision;

    /// <summary>
    /// The sign-in cookie is written anew at most this often, not on every response; its expiry is exact all the same:
    /// each page says how long its cookie still lasts (<see cref="RemainingOf"/>), and the idle warning counts from that.
    /// </summary>
    public static readonly TimeSpan RenewAfter = TimeSpan.FromMinutes(1);

    private const string RemainingKey = "portal:session-remaining";
    public const string RemainingHeader = "X-Session-Remaining";

    private sealed record Checked(Guid UserId, DateTimeOffset LastSeenAt, bool Active);

    /// <summary>Starts a session for a sign-in in this request; the one this browser had before ends (no fixation).</summary>
    public async Task<Guid> StartAsync(Guid userId, HttpContext context)
    {
        var now = time.GetUtcNow();
        if (SessionIdOf(context.User) is { } previous) await EndAsync(previous, SessionEndReasons.Replaced);
        var userAgent = context.Request.Headers.UserAgent.ToString();
        var session = new UserSession
        {
            Id = Guid.NewGuid(), UserId = userId, CreatedAt = now, LastSeenAt = now,
            IpAddress = ClientAddress.ForAudit(context),
            UserAgent = userAgent.Length > UserSession.UserAgentLength ? userAgent[..UserSession.UserAgentLength] : userAgent,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    public async Task EndAsync(Guid sessionId, string reason)
    {
        var now = time.GetUtcNow();
        await db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason));
        Forget(sessionId);
    }

    /// <summary>Ends every session of the user but the one of this request ("sign out everywhere else").</summary>
    public async Task<int> EndOthersAsync(Guid userId, ClaimsPrincipal current)
    {
        var keep = SessionIdOf(current) ?? Guid.Empty;
        var now = time.GetUtcNow();
        var others = await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null && s.Id != keep).ToListAsync();
        foreach (var session in others) session.End(now, SessionEndReasons.EndedByUser);
        await db.SaveChangesAsync();
        foreach (var session in others) Forget(session.Id);
        return others.Count;
    }

    /// <summary>The cookie handler's check on every request: an ended, unknown or idle session signs the browser out.</summary>
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        bool active;
        try
        {
            active = SessionIdOf(principal) is { } sessionId && Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
                && await IsActiveAsync(sessionId, userId);
        }
        catch (Exception e) when (Failures.IsDatabaseUnavailable(e))
        {
            // Unknown, not ended: this request goes unsigned (it gets "try again later"), the cookie stays for the next.
            context.RejectPrincipal();
            Failures.MarkDatabaseUnavailable(context.HttpContext);
            return;
        }
        if (!active)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        // Every signed-in request starts the 30 idle minutes again — the cookie is written anew once it is a minute old,
        // and the page tells the idle warning (site.js) the time its cookie really has left.
        var now = time.GetUtcNow();
        var idle = context.Options.ExpireTimeSpan;
        var issued = context.Properties.IssuedUtc;
        context.ShouldRenew = issued is null || now - issued >= RenewAfter;
        var expires = context.ShouldRenew ? now + idle : context.Properties.ExpiresUtc ?? now + idle;
        var remaining = (int)Math.Round((expires - now).TotalSeconds);
        context.HttpContext.Items[RemainingKey] = remaining;
        // For the warning on a page that stays open: an autosave or "stay signed in" answers how long is left now.
        context.HttpContext.Response.Headers[RemainingHeader] = remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How many seconds this request's sign-in cookie still lasts, or null when the request is not signed in.</summary>
    public static int? RemainingOf(HttpContext context) => context.Items[RemainingKey] as int?;

    public static Guid? SessionIdOf(ClaimsPrincipal? principal) =>
        Guid.TryParseExact(principal?.FindFirstValue(ClaimType), "N", out var id) ? id : null;

    /// <summary>Another part of this node ended the session: do not trust the remembered answer.</summary>
    public void Forget(Guid sessionId) => cache.Remove(CacheKey(sessionId));

    private async Task<bool> IsActiveAsync(Guid sessionId, Guid userId)
    {
        var now = time.GetUtcNow();
        var key = CacheKey(sessionId);
        if (!cache.TryGetValue(key, out Checked? known) || known is null)
        {
            known = await db.UserSessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new Checked(s.UserId, s.LastSeenAt, s.EndedAt == null)).SingleOrDefaultAsync()
                ?? new Checked(Guid.Empty, default, false);
            cache.Set(key, known, CheckedFor);
        }
        if (!known.Active || known.UserId != userId) return false;
        if (now - known.LastSeenAt > IdleLimit)
        {
            await EndAsync(sessionId, SessionEndReasons.Idle);
            return false;
        }
        if (now - known.LastSeenAt >= LastSeenPrecision)
        {
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
            cache.Set(key, known with { LastSeenAt = now }, CheckedFor);
        }
        return true;
    }

    internal static string CacheKey(Guid sessionId) => "session:" + sessionId.ToString("N");
}
