using System.Net;

namespace Training.TestIdp;

/// <summary>What a browser does at the provider, for functional tests that cannot run one: follows the authorization
/// request to the login page, types the credentials, and returns the address the provider sends back to the site.</summary>
public sealed class IdpBrowser : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });

    public async Task<Uri> SignInAsync(Uri authorizeUrl, string userName, string password)
    {
        var answer = await _http.GetAsync(authorizeUrl);
        var next = Redirect(answer, authorizeUrl);
        if (next.AbsolutePath == "/login")
        {
            var returnUrl = System.Web.HttpUtility.ParseQueryString(next.Query)["ReturnUrl"] ?? "/";
            var login = await _http.PostAsync(new Uri(next, "/login"), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["returnUrl"] = returnUrl, ["username"] = userName, ["password"] = password,
            }));
            var back = Redirect(login, next);
            answer = await _http.GetAsync(back);
            next = Redirect(answer, back);
        }
        return next;
    }

    /// <summary>Follows an end_session address and returns where the provider sends the browser next.</summary>
    public async Task<Uri> FollowAsync(Uri address) => Redirect(await _http.GetAsync(address), address);

    private static Uri Redirect(HttpResponseMessage answer, Uri from)
    {
        if ((int)answer.StatusCode is < 300 or > 399 || answer.Headers.Location is null)
            throw new InvalidOperationException($"The provider answered {(int)answer.StatusCode} at {from}: {answer.Content.ReadAsStringAsync().Result}");
        return new Uri(from, answer.Headers.Location);
    }

    public void Dispose() => _http.Dispose();
}
