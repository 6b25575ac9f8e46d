using Microsoft.Playwright;
using Portal.E2E.Infrastructure;

namespace Portal.E2E.Pages;

/// <summary>
/// What every page has: the header with the language switch and the menu, one h1 and the main content.
/// Elements are found by role and visible text in the page's language, as a user finds them.
/// </summary>
public class PortalPage(IPage page, string language = "nl")
{
    public IPage Page { get; } = page;
    public string Language { get; } = language;

    protected string T(string key) => Texts.Get(key, Language);

    public ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Main => Page.GetByRole(AriaRole.Main);
    public ILocator Menu => Page.GetByRole(AriaRole.Navigation, new() { Name = T("Layout.Menu"), Exact = true });
    public ILocator ErrorSummary => Main.GetByRole(AriaRole.Alert);
    public ILocator SignOutButton => Menu.GetByRole(AriaRole.Button, new() { Name = T("Nav.SignOut"), Exact = true });
    public ILocator SignInLink => Menu.GetByRole(AriaRole.Link, new() { Name = T("Nav.SignIn"), Exact = true });

    protected ILocator Button(string key) => Main.GetByRole(AriaRole.Button, new() { Name = T(key), Exact = true });
    protected ILocator Link(string key) => Main.GetByRole(AriaRole.Link, new() { Name = T(key), Exact = true });
    protected ILocator Field(string key) => Main.GetByLabel(T(key), new() { Exact = true });

    /// <summary>Presses a language button in the header, e.g. "العربية"; the page comes back in that language.</summary>
    public Task SwitchLanguageAsync(string nativeName) =>
        Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = nativeName, Exact = true }).ClickAsync();

    public Task SignOutAsync() => SignOutButton.ClickAsync();
}

public sealed class HomePage(IPage page, string language = "nl") : PortalPage(page, language)
{
    public ILocator CreateAccount => Link("Home.Start.Register");
    public Task GotoAsync() => Page.GotoAsync("/");
}

public sealed class RegisterPage(IPage page, string language = "nl") : PortalPage(page, language)
{
    public ILocator Email => Field("Field.Email");
    public ILocator Password => Field("Field.NewPassword");

    public Task GotoAsync() => Page.GotoAsync("/account/register");

    public async Task RegisterAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Button("Register.Submit").ClickAsync();
    }
}

public sealed class SignInPage(IPage page, string language = "nl") : PortalPage(page, language)
{
    public ILocator Email => Field("Field.Email");
    public ILocator Password => Field("Field.Password");
    public ILocator AskForLink => Link("SignIn.Link.Action");

    public Task GotoAsync() => Page.GotoAsync("/account/sign-in");

    public async Task SignInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Button("SignIn.Submit").ClickAsync();
    }
}

/// <summary>The page the confirmation mail's link opens: the password chosen at registration confirms the address.</summary>
public sealed class ConfirmEmailPage(IPage page, string language = "nl") : PortalPage(page, language)
{
    public ILocator Password => Field("Field.Password");

    public async Task ConfirmAsync(string password)
    {
        await Password.FillAsync(password);
        await Button("ConfirmEmail.Ask.Submit").ClickAsync();
    }
}

public sealed class SignInLinkPage(IPage page, string language = "nl") : PortalPage(page, language)
{
    public async Task RequestAsync(string email)
    {
        await Field("Field.Email").FillAsync(email);
        await Button("SignInLink.Submit").ClickAsync();
    }
}

/// <summary>The page an emailed sign-in link opens: a button, so that mail scanners opening the link do not use it up.</summary>
public sealed class LinkPage(IPage page, string language = "nl") : PortalPage(page, language)
{
    public Task SignInAsync() => Button("Link.Submit").ClickAsync();
}

public sealed class TwoFactorPage(IPage page, string language = "nl") : PortalPage(page, language)
{
    public ILocator Code => Field("TwoFactor.Code");

    public async Task SubmitAsync(string code)
    {
        await Code.FillAsync(code);
        await Button("TwoFactor.Submit").ClickAsync();
    }
}

public sealed class TwoFactorSetupPage(IPage page, string language = "nl") : PortalPage(page, language)
{
    public ILocator QrCode => Main.GetByRole(AriaRole.Img, new() { Name = T("TwoFactorSetup.QrAlt"), Exact = true });
    public ILocator Key => Main.GetByTestId("authenticator-key");
    public ILocator Code => Field("TwoFactor.Code");

    /// <summary>The key as a person would type it into an authenticator app (without the grouping spaces).</summary>
    public async Task<string> ReadKeyAsync() => (await Key.InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).Trim();

    public async Task SubmitAsync(string code)
    {
        await Code.FillAsync(code);
        await Button("TwoFactorSetup.Submit").ClickAsync();
    }
}

public sealed class RecoveryCodesPage(IPage page, string language = "nl") : PortalPage(page, language)
{
    public ILocator Codes => Main.GetByRole(AriaRole.List).GetByRole(AriaRole.Listitem);
    public Task ContinueAsync() => Link("Form.Continue").ClickAsync();
}

public sealed class ProfilePage(IPage page, string language = "nl") : PortalPage(page, language)
{
    /// <summary>The htmx fragment (its id is the swap target, part of the page's contract).</summary>
    public ILocator LanguageForm => Page.Locator("#profile-language");
    public ILocator LiveStatus => Page.GetByRole(AriaRole.Status);

    public Task GotoAsync() => Page.GotoAsync("/account/profile");
    public ILocator LanguageOption(string nativeName) => LanguageForm.GetByRole(AriaRole.Radio, new() { Name = nativeName, Exact = true });
    public Task SaveAsync() => LanguageForm.GetByRole(AriaRole.Button, new() { Name = T("Form.Save"), Exact = true }).ClickAsync();

    /// <summary>The list of browsers where this account is signed in.</summary>
    public ILocator Sessions => Main.GetByRole(AriaRole.Region, new() { Name = T("Profile.Sessions"), Exact = true }).GetByRole(AriaRole.Listitem);
    public Task SignOutEverywhereElseAsync() => Button("Profile.Sessions.EndOthers").ClickAsync();
}
