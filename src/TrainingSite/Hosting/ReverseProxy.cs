using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Training.Site.Hosting;

/// <summary>Which reverse proxies may tell us the client's address and scheme (<c>X-Forwarded-For</c>,
/// <c>X-Forwarded-Proto</c>): only those listed in <c>Training:KnownProxies</c> (addresses) and
/// <c>Training:KnownNetworks</c> (CIDR), as a JSON array or a comma-separated string. Nothing is trusted by default,
/// not even loopback: a header from anyone else is ignored, so a client cannot choose its own address for the
/// login and verification limits.</summary>
internal static class ReverseProxy
{
    public const string ProxiesKey = "Training:KnownProxies";
    public const string NetworksKey = "Training:KnownNetworks";

    public static IServiceCollection AddTrainingForwardedHeaders(this IServiceCollection services, IConfiguration config) =>
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            // The obsolete list of networks (127.0.0.0/8 by default) is emptied too, whatever it still feeds.
#pragma warning disable ASPDEPR005
            o.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var value in List(config, ProxiesKey)) if (IPAddress.TryParse(value, out var ip)) o.KnownProxies.Add(ip);
            foreach (var value in List(config, NetworksKey)) if (System.Net.IPNetwork.TryParse(value, out var net)) o.KnownIPNetworks.Add(net);
            // With both lists empty the middleware would trust every sender: read no forwarded header at all then.
            o.ForwardedHeaders = o.KnownProxies.Count + o.KnownIPNetworks.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
        });

    /// <summary>Entries that are not an address (proxies) or a CIDR network (networks).</summary>
    public static IEnumerable<string> Problems(IConfiguration config) =>
        List(config, ProxiesKey).Where(v => !IPAddress.TryParse(v, out _)).Select(v => $"{ProxiesKey}: «{v}» is not an IP address.")
            .Concat(List(config, NetworksKey).Where(v => !System.Net.IPNetwork.TryParse(v, out _))
                .Select(v => $"{NetworksKey}: «{v}» is not a network in CIDR notation (e.g. 10.0.0.0/8)."));

    private static IEnumerable<string> List(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        var values = section.GetChildren().Any() ? section.GetChildren().Select(c => c.Value ?? "") : (section.Value ?? "").Split(',', ';');
        return values.Select(v => v.Trim()).Where(v => v.Length > 0);
    }
}
