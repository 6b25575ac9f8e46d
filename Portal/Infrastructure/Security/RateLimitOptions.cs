namespace Portal.Infrastructure.Security;

/// <summary>Attempts per client address per minute on the pages that attackers hammer. Only POSTs count.</summary>
public sealed class RateLimitOptions
{
    public const string SignIn = "sign-in";
    public const string Register = "register";
    public const string SignInLink = "sign-in-link";

    public int SignInPerMinute { get; set; } = 10;
    public int RegisterPerMinute { get; set; } = 5;
    public int SignInLinkPerMinute { get; set; } = 5;
}
