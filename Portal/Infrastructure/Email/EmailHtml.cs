using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Portal.Domain.Languages;

namespace Portal.Infrastructure.Email;

/// <summary>
/// The HTML part of every email: the plain-text body as a plain, accessible page. It carries the recipient's language
/// and direction (lang="ar" dir="rtl"), so screen readers pick the right voice and Arabic reads right to left; the
/// subject is its title; paragraphs stay paragraphs; links are real links, isolated left-to-right (a URL inside Arabic
/// text would otherwise be shown scrambled). No images, no layout tables, no colour that carries meaning: inline
/// styles only (mail clients drop style sheets), with text and link colours well above WCAG AA contrast.
/// </summary>
public static partial class EmailHtml
{
    public static string Render(string subject, string text, Language language)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n")
            .Append($"<html lang=\"{language.Code}\" dir=\"{language.Direction}\">\n")
            .Append("<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;\">\n")
            .Append("<div style=\"max-width:600px;\">\n");
        foreach (var paragraph in Paragraphs().Split(text.ReplaceLineEndings("\n").Trim()))
        {
            if (paragraph.Trim().Length == 0) continue;
            html.Append("<p style=\"margin:0 0 16px 0;\">")
                .Append(string.Join("<br>\n", paragraph.Split('\n').Select(Line)))
                .Append("</p>\n");
        }
        return html.Append("</div>\n</body>\n</html>\n").ToString();
    }

    /// <summary>One line: text encoded, every http(s) address a link showing the address itself.</summary>
    private static string Line(string line)
    {
        var result = new StringBuilder();
        var at = 0;
        foreach (Match link in Links().Matches(line))
        {
            result.Append(WebUtility.HtmlEncode(line[at..link.Index]));
            var url = WebUtility.HtmlEncode(link.Value);
            result.Append($"<a href=\"{url}\" dir=\"ltr\" style=\"color:#0b4f9c;text-decoration:underline;\">{url}</a>");
            at = link.Index + link.Length;
        }
        return result.Append(WebUtility.HtmlEncode(line[at..])).ToString();
    }

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex Paragraphs();

    [GeneratedRegex(@"https?://[^\s<>""]+[^\s<>"".,;:!?)\]]")]
    private static partial Regex Links();
}
