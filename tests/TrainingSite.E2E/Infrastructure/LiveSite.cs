using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Training.E2E.Infrastructure;

/// <summary>The site on a real Kestrel port in this process (WebApplicationFactory.UseKestrel), with its own
/// fresh database and the demo data, for a real browser to drive.</summary>
public sealed class LiveSite : TrainingApp
{
    public LiveSite(bool seedDemo = true, IDictionary<string, string?>? settings = null) : base(seedDemo, settings: settings)
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public string BaseUrl { get; }
}
