using System.Globalization;
using System.Resources;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// The portal's own UI texts (Resources/SharedResource*.resx), so page objects find labels and buttons in any
/// language. Assertions about what a user must read use literal text in the tests instead.
/// </summary>
public static class Texts
{
    private static readonly ResourceManager Resources = new("Portal.Resources.SharedResource", typeof(SharedResource).Assembly);

    public static string Get(string key, string language) =>
        Resources.GetString(key, CultureInfo.GetCultureInfo(language)) ?? throw new KeyNotFoundException($"No text '{key}' for '{language}'");
}
