using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Infrastructure.TagHelpers;

/// <summary>
/// Serves htmx attributes in their valid HTML form: <c>hx-post</c> becomes <c>data-hx-post</c> (htmx reads both, the
/// Nu Html Checker accepts only the second). Htmx.TagHelpers fills <c>hx-get</c>/<c>hx-post</c> from
/// <c>hx-page</c>/<c>hx-page-handler</c> and writes the short form; this runs after it (and after its hx-headers helper)
/// and renames whatever hx-* attribute is left. Markup writes every other htmx attribute as data-hx-* itself.
/// </summary>
[HtmlTargetElement("*", Attributes = "hx-*")]
public sealed class DataHxTagHelper : TagHelper
{
    /// <summary>After Htmx.TagHelpers (HtmxUrlTagHelper is -1000, HxHeaders 0).</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        for (var i = 0; i < output.Attributes.Count; i++)
        {
            var attribute = output.Attributes[i];
            if (!attribute.Name.StartsWith("hx-", StringComparison.Ordinal)) continue;
            // Htmx.TagHelpers adds hx-headers="{}" to every posting element; the token comes from <main>'s data-hx-headers.
            if (attribute.Name == "hx-headers" && attribute.Value?.ToString() == "{}")
            {
                output.Attributes.RemoveAt(i--);
                continue;
            }
            output.Attributes[i] = new TagHelperAttribute("data-" + attribute.Name, attribute.Value, attribute.ValueStyle);
        }
    }
}
