using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using Portal.Domain.Audit;
using Portal.Infrastructure.Web;

namespace Portal.Accounts;

/// <summary>
/// A client refused for asking too often (429) is written in the audit trail: once per client, page and minute on this
/// node, so that a flood of refused requests cannot become a flood of audit rows.
/// </summary>
public static class RateLimitAudit
{
    public static async Task RecordAsync(HttpContext context)
    {
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "";
        var client = ClientAddress.Key(context);
        var cache = context.RequestServices.GetRequiredService<IMemoryCache>();
        var key = $"rate-limited:{policy}:{client}";
        if (cache.TryGetValue(key, out _)) return;
        cache.Set(key, true, TimeSpan.FromMinutes(1));
        await context.RequestServices.GetRequiredService<AuditLog>()
            .RecordNowAsync(AuditKinds.RateLimited, null, null, $"{policy} {context.Request.Path}");
    }
}
