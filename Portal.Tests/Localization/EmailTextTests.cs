using System.Text.RegularExpressions;

namespace Portal.Tests.Localization;

/// <summary>
/// Issue 7, point 13: "the help link ends in "help." with the full stop inside the link". Mail clients turn an address
/// into a link up to the next space, so a full stop, comma or bracket right after it becomes part of the link and the
/// link breaks. Every value put into an email may be such an address: a link, but also a name or title someone typed
/// ("buurthuis.nl"). So in every email text, in every language, no link and no placeholder is followed by punctuation.
/// </summary>
public sealed partial class EmailTextTests
{
    private const string Link = "https://portal.example/applications/1";

    public static TheoryData<string> EmailTextFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(ResourceFilesTests.RepositoryRoot(), "Portal", "Resources"), "*.resx").Order())
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(EmailTextFiles))]
    public void No_link_in_an_email_text_is_directly_followed_by_punctuation(string file)
    {
        var wrong = EmailTexts(file)
            .SelectMany(t => UrlPattern().Matches(PlaceholderPattern().Replace(t.Value, Link))
                .Where(m => m.Value[^1] is '.' or ',' or ')' or ';' or ':' or '!' or '?' or '،' or '؛' or '؟')
                .Select(m => $"{t.Key}: …{m.Value[^Math.Min(m.Value.Length, 12)..]}"))
            .ToList();

        Assert.True(wrong.Count == 0, $"Links followed by punctuation in {file}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_email_texts_are_found()
    {
        var keys = EmailTexts("SubmissionText.resx").Concat(EmailTexts("SharedResource.resx")).Concat(EmailTexts("OrganisationText.resx"))
            .Select(t => t.Key).ToList();

        Assert.Contains("Submission.Email.Reminder.Body", keys);
        Assert.Contains("Email.SignInLink.Body", keys);
        Assert.Contains("Invite.Mail.Body", keys);
        Assert.Contains("Email.Footer", keys);
    }

    /// <summary>Texts of emails: a key with an "Email" or "Mail" part that is a subject, a body or the footer.</summary>
    private static IEnumerable<KeyValuePair<string, string>> EmailTexts(string file) =>
        ResourceFilesTests.Read(file).Where(t =>
        {
            var parts = t.Key.Split('.');
            return parts.Any(p => p is "Email" or "Mail") && parts[^1] is "Subject" or "Body" or "Footer";
        });

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex UrlPattern();
}
