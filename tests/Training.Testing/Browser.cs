using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Training.Testing;

/// <summary>Form helpers for functional tests: read the antiforgery token of a page, post a form, sign in.</summary>
public static partial class Browser
{
    public const string DemoPassword = "Training@2026";

    public static async Task<string> GetTokenAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Token(await response.Content.ReadAsStringAsync());
    }

    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>GET the form page for its token, then POST the fields to <paramref name="action"/> (default: the same URL).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IDictionary<string, string> fields, string? action = null)
    {
        var token = await client.GetTokenAsync(url);
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(action ?? url, new FormUrlEncodedContent(all));
    }

    /// <summary>Sign in through the login page; returns the response (302 on success).</summary>
    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string userName, string password = DemoPassword) =>
        client.PostFormAsync("/account/login", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });

    /// <summary>Sign in and assert it worked.</summary>
    public static async Task SignInAsync(this HttpClient client, string userName, string password = DemoPassword)
    {
        var response = await client.LoginAsync(userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Login of {userName} failed: {(int)response.StatusCode}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
