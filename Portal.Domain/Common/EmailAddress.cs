namespace Portal.Domain.Common;

/// <summary>The one rule for an email address people type: one @, a dot in the domain, no spaces, at most 254 characters.</summary>
public static class EmailAddress
{
    public const int Length = 254;

    public static bool IsValid(string email)
    {
        var at = email.IndexOf('@');
        return email.Length <= Length && at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1
            && !email.EndsWith('.') && !email.Any(char.IsWhiteSpace);
    }
}
