using System.Reflection;

namespace Portal.Domain.Accounts;

/// <summary>
/// Password policy after NIST SP 800-63B: long (at least 12 characters), no composition rules,
/// refused when it is on a list of commonly used passwords.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommonPasswords);

    public static bool IsCommon(string password) => Common.Value.Contains(Normalise(password));

    /// <summary>Returns the resource key of the first rule the password breaks, or null when it is acceptable.</summary>
    public static string? Check(string password, string? email)
    {
        if (password.Length < MinimumLength) return "Password.TooShort";
        if (password.Length > MaximumLength) return "Password.TooLong";
        if (IsCommon(password)) return "Password.TooCommon";
        if (email is not null && Normalise(password) == Normalise(email)) return "Password.SameAsEmail";
        return null;
    }

    private static string Normalise(string value) => value.Trim().ToLowerInvariant();

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(Normalise(line));
        }
        return set;
    }
}
