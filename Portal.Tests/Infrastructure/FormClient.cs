using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A browser without a browser: keeps cookies, does not follow redirects, and posts forms with the antiforgery
/// token of the page it last read — the way a user without JavaScript uses the site.
/// </summary>
public sealed partial class FormClient(WebApplicationFactory<Program> factory) : IDisposable
{
    private readonly HttpClient client = factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

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

    /// <summary>Signs in with a password (no second factor) and fails the test when that does not work.</summary>
    public async Task SignInAsync(string email, string password)
    {
        var (response, html) = await SubmitAsync("/account/sign-in", ("Input.Email", email), ("Input.Password", password));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}\n{html}");
    }

    /// <summary>Signs in as staff: the password, then the authenticator code for <paramref name="authenticatorKey"/>.</summary>
    public async Task SignInWithCodeAsync(string email, string password, string authenticatorKey)
    {
        await SubmitAsync("/account/sign-in", ("Input.Email", email), ("Input.Password", password));
        var (response, html) = await SubmitAsync("/account/two-factor", ("Input.Code", Totp.Code(authenticatorKey)));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in with a code as {email} failed: {(int)response.StatusCode}\n{html}");
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
