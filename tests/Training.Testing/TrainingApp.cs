using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Training.Testing;

/// <summary>The whole site in memory with its own fresh database: a new SQLite file in a temp data folder,
/// or a new PostgreSQL database when <see cref="TestDatabase.Postgres"/> is chosen. One per test.</summary>
public class TrainingApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly List<Action<IServiceCollection>> _services = [];

    public TrainingApp(bool seedDemo = false, TestDatabase database = TestDatabase.Sqlite, IDictionary<string, string?>? settings = null)
    {
        DataPath = Path.Combine(Path.GetTempPath(), "training-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
        Database = database;
        _settings = new Dictionary<string, string?>
        {
            ["Training:DataPath"] = DataPath,
            ["Training:SeedDemo"] = seedDemo ? "true" : "false",
            ["LegalLibrary:AutoImport"] = "false",
            // The weekly digests and report deadlines would send at start on the wall clock and add notifications and
            // e-mails to tests about something else; their tests run the jobs themselves (settings can turn them on).
            ["Reporting:Digest:Enabled"] = "false",
            ["Reporting:Deadlines:Enabled"] = "false",
            // The daily status re-sync would walk everyone at start; its tests run it themselves.
            ["Reporting:StatusResync:Enabled"] = "false",
        };
        if (database == TestDatabase.Postgres)
        {
            _settings["Database:Provider"] = "Postgres";
            _settings["ConnectionStrings:Postgres"] = PostgresTestServer.CreateDatabase();
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public string DataPath { get; }
    public TestDatabase Database { get; }

    /// <summary>Replace or add services (e.g. a fake clock) before the host starts.</summary>
    public TrainingApp WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services => _services.ForEach(a => a(services)));
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(_settings));
        return base.CreateHost(builder);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see 302s.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Run something with scoped services.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> action)
    {
        using var scope = Services.CreateScope();
        await action(scope.ServiceProvider);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file briefly on some platforms; the temp folder is cleaned by the OS.
        }
    }
}

public enum TestDatabase
{
    Sqlite,
    Postgres,
}
