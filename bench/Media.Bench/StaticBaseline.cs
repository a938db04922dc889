using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

[assembly: HostingStartup(typeof(Training.Media.Bench.StaticBaseline))]

namespace Training.Media.Bench;

/// <summary>The baseline of the benchmark: the same site process (same Kestrel, same machine state) serves a file of the
/// video's size from <c>MEDIA_BENCH_STATIC</c> under <c>/bench-static/</c> with ASP.NET Core's static file middleware,
/// first in the pipeline (no authentication, no library lookup, no blob store). It is injected into the unmodified
/// site by run.sh through two documented hooks: <c>DOTNET_STARTUP_HOOKS</c> loads this assembly, and
/// <c>ASPNETCORE_HOSTINGSTARTUPASSEMBLIES</c> makes the host run this <see cref="IHostingStartup"/>. Nothing of it is in the
/// site's own code.</summary>
public sealed class StaticBaseline : IHostingStartup
{
    public void Configure(IWebHostBuilder builder) => builder.ConfigureServices(services =>
    {
        if (Environment.GetEnvironmentVariable("MEDIA_BENCH_STATIC") is { Length: > 0 } folder)
            services.AddSingleton<IStartupFilter>(new Filter(folder));
    });

    private sealed class Filter(string folder) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = "/bench-static" });
            next(app);
        };
    }
}
