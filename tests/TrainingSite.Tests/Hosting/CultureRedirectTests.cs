using System.Net;

namespace Training.Site.Tests.Hosting;

/// <summary>The language switch returns to the page it came from, and never to another site.</summary>
public sealed class CultureRedirectTests
{
    [Theory]
    [InlineData("/\\evil.com")]
    [InlineData("//evil.com")]
    [InlineData("\\\\evil.com")]
    [InlineData("/\\/evil.com")]
    [InlineData("https://evil.com")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/\t/evil.com")]
    [InlineData("/\r\n/evil.com")]
    [InlineData("evil.com")]
    public async Task AReturnUrlLeavingTheSiteGoesHomeInstead(string returnUrl)
    {
        using var app = new TrainingApp();
        var client = app.CreateBrowser();

        var get = await client.GetAsync("/culture?culture=en&returnUrl=" + Uri.EscapeDataString(returnUrl));
        var post = await client.PostAsync("/culture", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "vi-VN", ["returnUrl"] = returnUrl }));

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Equal("/", get.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/", post.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/legal?q=an%20ninh%20m%E1%BA%A1ng")]
    [InlineData("/verify/ABCD-EFGH")]
    [InlineData("/")]
    public async Task AReturnUrlOnTheSiteIsKept(string returnUrl)
    {
        using var app = new TrainingApp();

        var response = await app.CreateBrowser().GetAsync("/culture?culture=en&returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(returnUrl, response.Headers.Location?.OriginalString);
    }
}
