using System.Net;

namespace Training.Testing.Cluster;

/// <summary>N real site processes on one PostgreSQL database (a new one per cluster, on the server ./test.sh starts),
/// each with its own data folder, behind nginx on loopback: the shape of a production deployment on one machine.</summary>
public sealed class SiteCluster : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("training-cluster-").FullName;
    private readonly List<SiteNode> _nodes = [];

    private SiteCluster(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }
    public NginxProxy Proxy { get; } = new();
    public IReadOnlyList<SiteNode> Nodes => _nodes;
    public Uri Url => Proxy.Url;

    /// <summary>Starts <paramref name="nodes"/> nodes one after the other (the first migrates and seeds), then nginx.</summary>
    public static async Task<SiteCluster> StartAsync(int nodes, bool seedDemo = false, IDictionary<string, string>? settings = null)
    {
        var cluster = new SiteCluster(PostgresTestServer.CreateDatabase());
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing", // Production cookies are Secure-only, and the loopback tests speak HTTP
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__Postgres"] = cluster.ConnectionString,
                ["Training__SeedDemo"] = seedDemo ? "true" : "false",
                ["Training__PublicBaseUrl"] = cluster.Url.ToString().TrimEnd('/'),
                ["Training__KnownProxies"] = "127.0.0.1",
                ["LegalLibrary__AutoImport"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
            for (var i = 0; i < nodes; i++)
            {
                var node = new SiteNode(i, Directory.CreateDirectory(Path.Combine(cluster._root, $"node{i}")).FullName, environment);
                cluster._nodes.Add(node);
                await node.StartAsync(TimeSpan.FromMinutes(4));
            }
            await cluster.Proxy.StartAsync(cluster._nodes.Select(n => n.Port));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client through nginx that keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateClient(CookieContainer? cookies = null) => Client(Url, cookies);

    internal static HttpClient Client(Uri url, CookieContainer? cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = url,
            Timeout = TimeSpan.FromSeconds(60),
        };

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        foreach (var node in _nodes) await node.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
