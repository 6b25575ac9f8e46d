using Htmx;

namespace Portal.Infrastructure.Web;

/// <summary>The one htmx request rule Htmx.Net lacks.</summary>
public static class HtmxRequests
{
    /// <summary>
    /// True only when htmx asks for a fragment. Boosted requests want the whole page (Htmx.Net's IsHtmxNonBoosted), and
    /// so does a history restore: after a miss in its history cache htmx fetches the URL itself (HX-Request and
    /// HX-History-Restore-Request) and puts the answer in place of the whole body.
    /// </summary>
    public static bool WantsFragment(this HttpRequest request) =>
        request.IsHtmxNonBoosted() && !request.IsHtmxHistoryRestoreRequest();
}
