namespace Portal.E2E.Infrastructure;

/// <summary>
/// What the test command (scripts/test.sh) hands over in the environment, with the development defaults
/// used when a developer runs <c>dotnet test</c> by hand.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresServer => Get("PORTAL_TEST_PG") ?? "Host=127.0.0.1;Port=55439;Username=postgres";
    public static int SmtpPort => int.Parse(Get("PORTAL_TEST_SMTP_PORT") ?? "1027", System.Globalization.CultureInfo.InvariantCulture);
    public static Uri MailDevUrl => new(Get("PORTAL_TEST_MAILDEV_URL") ?? "http://127.0.0.1:1082");
    public static string Chromium => Get("PORTAL_TEST_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Screenshots cost time; only a person looking at the pages wants them (PORTAL_SCREENSHOTS=1).</summary>
    public static bool Screenshots => Get("PORTAL_SCREENSHOTS") == "1";

    /// <summary>screenshots/ at the repository root (gitignored).</summary>
    public static string ScreenshotDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
                directory = directory.Parent;
            return Path.Combine(directory?.FullName ?? Directory.GetCurrentDirectory(), "screenshots");
        }
    }

    private static string? Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
