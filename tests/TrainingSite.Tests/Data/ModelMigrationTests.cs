using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Platform.Data;

namespace Training.Site.Tests.Data;

/// <summary>Every module context, for both providers, is buildable from the host's container (as `dotnet ef` builds
/// it) and has a migration for each change of its model.</summary>
public sealed class ModelMigrationTests
{
    [Fact]
    public async Task EveryContextOfEveryProviderHasItsModelChangesInAMigration()
    {
        using var app = new TrainingApp();
        var checkedContexts = await app.WithScopeAsync(sp =>
        {
            var modules = sp.GetServices<MigratableContext>().ToList();
            var contexts = sp.GetServices<DbContextOptions>().Select(o => o.ContextType)
                .Where(t => modules.Any(m => m.ContextType.IsAssignableFrom(t) && m.ContextType != t))
                .Distinct().ToList();
            Assert.Equal(modules.Count * 2, contexts.Count);
            var lagging = contexts.Where(t => ((DbContext)sp.GetRequiredService(t)).Database.HasPendingModelChanges()).Select(t => t.Name).ToList();
            Assert.Empty(lagging);
            return Task.FromResult(contexts.Select(c => c.Name).ToList());
        });
        Assert.Contains("CoursesPostgresDbContext", checkedContexts);
        Assert.Contains("CoursesSqliteDbContext", checkedContexts);
    }
}
