using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A browser without a browser: keeps cookies, does not follow redirects, and posts forms with the antiforgery
/// token of the page it last read — the way a user without JavaScript uses the site.
/// </summary>
public sealed partial class FormClient(HttpClient client) : IDisposable
{
    /// <summary>A browser of the portal on the in-memory test server.</summary>
    public FormClient(WebApplicationFactory<Program> factory)
        : this(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }))
    {
    }

    /// <summary>A browser of a portal on a real socket (Kestrel) at <paramref name="address"/>.</summary>
    public static FormClient Over(Uri address) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = address });

    public string? LastToken { get; private set; }

    public HttpClient Http => client;

    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        if (TokenPattern().Match(html) is { Success: true } match) LastToken = WebUtility.HtmlDecode(match.Groups[1].Value);
        return (response, html);
    }

    /// <summary>Reads the page (for its token), then posts the form fields to it.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> SubmitAsync(string url, params (string Name, string Value)[] fields)
    {
        await GetAsync(url);
        return await PostAsync(url, fields);
    }

    public async Task<(HttpResponseMessage Response, string Html)> PostAsync(string url, (string Name, string Value)[] fields,
        bool withToken = true, params (string Name, string Value)[] headers)
    {
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (withToken && LastToken is not null) values.Add(new("__RequestVerificationToken", LastToken));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(values) };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        // Like a browser posting a form of the page it shows, unless the test says where the post comes from.
        if (!headers.Any(h => h.Name is "Origin" or "Sec-Fetch-Site")) request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        if (TokenPattern().Match(html) is { Success: true } match) LastToken = WebUtility.HtmlDecode(match.Groups[1].Value);
        return (response, html);
    }

    /// <summary>Like a browser: reads the page, then posts its form with the hidden fields it carries plus what the user filled in.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> FillInAsync(string url, params (string Name, string Value)[] fields)
    {
        var (_, html) = await GetAsync(url);
        var hidden = HiddenFields(html).Where(h => !fields.Any(f => f.Name == h.Name));
        return await PostAsync(url, [.. hidden, .. fields]);
    }

    /// <summary>The hidden fields of the page's own form (inside main; the layout's forms are left out), without the token.</summary>
    public static (string Name, string Value)[] HiddenFields(string html)
    {
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..];
        var form = FormPattern().Match(main).Value;
        return HiddenPattern().Matches(form)
            .Select(m => (m.Groups["name"].Value, WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .Where(f => f.Item1 != "__RequestVerificationToken")
            .ToArray();
    }

    /// <summary>Signs in with a password (no second factor) and fails the test when that does not work.</summary>
    /// <returns>The sign-in response (its Set-Cookie holds the new sign-in cookie).</returns>
    public async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        var (response, html) = await SubmitAsync("/account/sign-in", ("Input.Email", email), ("Input.Password", password));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}\n{html}");
        return response;
    }

    /// <summary>Signs in with a password and the authenticator code of <paramref name="authenticatorKey"/> (staff).</summary>
    /// <returns>The response of the code step, which sets the sign-in cookie.</returns>
    public async Task<HttpResponseMessage> SignInWithCodeAsync(string email, string password, string authenticatorKey)
    {
        await SignInAsync(email, password);
        var (response, html) = await SubmitAsync("/account/two-factor", ("Input.Code", Totp.FreshCode(authenticatorKey)));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"The code step for {email} failed: {(int)response.StatusCode}\n{html}");
        return response;
    }

    /// <summary>The value of a cookie the last response set, e.g. the sign-in cookie a thief would copy.</summary>
    public static string? SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Where(v => v.StartsWith(name + "=", StringComparison.Ordinal))
                .Select(v => v[(name.Length + 1)..]).LastOrDefault(v => v.Length > 0)
            : null;

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*? value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("""<form method="post"[\s\S]*?</form>""")]
    private static partial Regex FormPattern();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenPattern();
}
