using Portal.Infrastructure.Localization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Portal.Infrastructure.TagHelpers;

/// <summary>
/// One text field the same way everywhere: label, hint, error message, the value the user typed, and the
/// aria wiring between them. <c>&lt;form-field for="Input.Email" label="Key" hint="Key" type="email" autocomplete="email" /&gt;</c>
/// </summary>
[HtmlTargetElement("form-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(PortalText text, HtmlEncoder encoder) : TagHelper
{
    public ModelExpression For { get; set; } = default!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? Inputmode { get; set; }
    /// <summary>"ltr" for what is written left to right in every language (an amount, an IBAN), also on an Arabic page.</summary>
    public string? Dir { get; set; }
    /// <summary>The language of what is typed here when it is not the page's (an answer written in the group's own language).</summary>
    public string? Lang { get; set; }
    public bool Multiline { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var errors = ViewContext.ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        // A password is never sent back to the browser; everything else keeps what the user typed.
        var value = Type == "password" ? null
            : entry?.AttemptedValue ?? For.Model?.ToString();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "form-field form-field--error" : "form-field");

        var html = new System.Text.StringBuilder();
        var describedBy = new List<string>();
        html.Append($"<label for=\"{id}\">{Encode(text[Label])}</label>");
        if (Hint is not null)
        {
            html.Append($"<p class=\"hint\" id=\"{id}-hint\">{Encode(text[Hint])}</p>");
            describedBy.Add($"{id}-hint");
        }
        if (errors.Count > 0)
        {
            html.Append($"<p class=\"field-error\" id=\"{id}-error\"><span class=\"visually-hidden\">{Encode(text["Form.ErrorPrefix"])} </span>{Encode(string.Join(" ", errors))}</p>");
            describedBy.Add($"{id}-error");
        }
        var common = $"id=\"{id}\" name=\"{Encode(name)}\""
            + (describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "")
            + (errors.Count > 0 ? " aria-invalid=\"true\"" : "")
            + (Autocomplete is not null ? $" autocomplete=\"{Encode(Autocomplete)}\"" : "")
            + (Inputmode is not null ? $" inputmode=\"{Encode(Inputmode)}\"" : "")
            + (Dir is not null ? $" dir=\"{Encode(Dir)}\"" : "")
            + (Lang is not null ? $" lang=\"{Encode(Lang)}\"" : "")
            + (Type is "email" or "password" ? " spellcheck=\"false\" autocapitalize=\"none\"" : "");
        html.Append(Multiline
            ? $"<textarea {common} rows=\"5\">{Encode(value ?? "")}</textarea>"
            : $"<input {common} type=\"{Encode(Type)}\" value=\"{Encode(value ?? "")}\">");
        output.Content.SetHtmlContent(html.ToString());
    }

    private string Encode(string value) => encoder.Encode(value);
}
