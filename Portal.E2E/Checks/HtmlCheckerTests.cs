using Portal.E2E.Infrastructure;

namespace Portal.E2E.Checks;

/// <summary>
/// The HTML check every browser test relies on can fail: the Nu Html Checker refuses what browsers forgive, such as
/// htmx's short attribute form, and accepts the data-hx-* form the portal uses.
/// </summary>
public sealed class HtmlCheckerTests
{
    private const string Page = "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Toets</title></head><body>{0}</body></html>";

    [Fact]
    public async Task An_hx_attribute_is_an_error()
    {
        var errors = await HtmlChecker.ErrorsAsync(string.Format(Page, "<form method=\"post\" hx-post=\"/applications\"><button>Opslaan</button></form>"));

        Assert.Contains(errors, e => e.Contains("hx-post", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_data_hx_form_and_a_fragment_are_valid()
    {
        var fragment = "<form id=\"budget-add\" method=\"post\" data-hx-post=\"/applications/1/budget?handler=Add\" data-hx-target=\"#budget\">" +
                       "<button>Toevoegen</button></form>";

        Assert.Empty(await HtmlChecker.ErrorsAsync(string.Format(Page, fragment)));
        Assert.Empty(await HtmlChecker.FragmentErrorsAsync(fragment));
    }

    [Fact]
    public async Task A_fragment_that_repeats_an_id_is_an_error()
    {
        var errors = await HtmlChecker.FragmentErrorsAsync("<p id=\"budget\">a</p><p id=\"budget\">b</p>");

        Assert.Contains(errors, e => e.Contains("Duplicate ID", StringComparison.Ordinal));
    }
}
