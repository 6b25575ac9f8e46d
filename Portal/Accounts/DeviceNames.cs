using Microsoft.Extensions.Localization;

namespace Portal.Accounts;

/// <summary>A session's browser as a person recognises it ("Chrome op Android"), from its User-Agent header.</summary>
public static class DeviceNames
{
    private static readonly (string Token, string Name)[] Browsers =
        [("Edg/", "Edge"), ("SamsungBrowser", "Samsung Internet"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari")];
    private static readonly (string Token, string Name)[] Systems =
        [("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"), ("Mac OS", "Mac"), ("Linux", "Linux")];

    public static string Describe(string? userAgent, IStringLocalizer text)
    {
        var browser = Find(Browsers, userAgent);
        var system = Find(Systems, userAgent);
        return (browser, system) switch
        {
            (null, null) => text["Profile.Sessions.UnknownDevice"],
            ({ } b, null) => b,
            (null, { } s) => s,
            ({ } b, { } s) => text["Profile.Sessions.Device", b, s],
        };
    }

    private static string? Find((string Token, string Name)[] known, string? userAgent) =>
        string.IsNullOrEmpty(userAgent) ? null : known.FirstOrDefault(k => userAgent.Contains(k.Token, StringComparison.Ordinal)).Name;
}
