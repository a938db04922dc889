using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Training.Testing;

namespace Training.Scale.Bench;

/// <summary>The real site (every module's services, DbContexts and migrations) on the scale database. With
/// <paramref name="startup"/> the host starts as a node does: its start-up service migrates every module's DbContext
/// and runs the start-up tasks; no other hosted service runs, with or without it (no warmer loading 2,000,000 people behind the
/// measurement's back, no PDF worker, no outbox dispatcher): only the query code is exercised.</summary>
internal sealed class ScaleHost(string connectionString, bool startup, IDictionary<string, string?>? extra = null)
    : TrainingApp(settings: Settings(connectionString, extra))
{
    private static Dictionary<string, string?> Settings(string connectionString, IDictionary<string, string?>? extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Reporting:CacheSeconds"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Only the site's start-up service (migrations, start-up tasks) may run, and only when asked for.
        builder.ConfigureTestServices(services =>
        {
            foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService)).ToList())
                if (!startup || hosted.ImplementationType?.Name != "StartupHostedService") services.Remove(hosted);
        });
    }
}
