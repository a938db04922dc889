using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Training.Testing;

/// <summary>The in-memory test server has no client address. With <see cref="WithClientAddresses"/>, a request's
/// <c>X-Test-Client-Address</c> header becomes the address of the connection (before the site's own middleware,
/// forwarded headers included), so tests can play several clients or a reverse proxy.</summary>
public static class ClientAddresses
{
    public const string Header = "X-Test-Client-Address";

    public static TrainingApp WithClientAddresses(this TrainingApp app) =>
        app.WithServices(s => s.AddSingleton<IStartupFilter, Filter>());

    /// <summary>A browser (cookies, no redirects) whose requests come from <paramref name="address"/>.</summary>
    public static HttpClient CreateBrowserFrom(this TrainingApp app, string address)
    {
        var client = app.CreateBrowser();
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, nextMiddleware) =>
            {
                if (IPAddress.TryParse(ctx.Request.Headers[Header].ToString(), out var ip)) ctx.Connection.RemoteIpAddress = ip;
                return nextMiddleware(ctx);
            });
            next(app);
        };
    }
}
