namespace Portal.Infrastructure.Security;

/// <summary>Attempts per client address per minute on the pages that attackers hammer. Only POSTs count.</summary>
public sealed class RateLimitOptions
{
    public const string SignIn = "sign-in";
    public const string Register = "register";
    public const string SignInLink = "sign-in-link";
    public const string HelpRequest = "help-request";

    public int SignInPerMinute { get; set; } = 10;
    public int RegisterPerMinute { get; set; } = 5;
    public int SignInLinkPerMinute { get; set; } = 5;
    /// <summary>Asking for a coach: enough for a family on one connection, not for a flood of requests to the coaches.</summary>
    public int HelpRequestPerMinute { get; set; } = 5;
}
