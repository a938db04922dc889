using Microsoft.Extensions.DependencyInjection;
using Training.E2E.Infrastructure;
using Training.LegalLibrary.Import;

namespace Training.E2E.Theme;

/// <summary>One site for the whole small-screen sweep: the demo data plus the E2E mini legal corpus, so that the
/// legal search has results and facets to fold.</summary>
public sealed class SweepSite : IAsyncLifetime
{
    public LiveSite Site { get; } = new();

    public async Task InitializeAsync()
    {
        using var scope = Site.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<CorpusImporter>().ImportAsync(Journey.TestCorpus, _ => { });
    }

    public Task DisposeAsync()
    {
        Site.Dispose();
        return Task.CompletedTask;
    }
}
