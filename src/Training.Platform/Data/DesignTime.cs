using Microsoft.EntityFrameworkCore;

namespace Training.Platform.Data;

/// <summary>Options for the <c>dotnet ef</c> design-time factories of the module contexts.</summary>
public static class DesignTime
{
    public static DbContextOptions<T> Options<T>(DatabaseProvider provider, string module, Type assemblyOf) where T : DbContext
    {
        var connection = provider == DatabaseProvider.Postgres
            ? "Host=localhost;Database=training_design;Username=postgres"
            : "Data Source=design.db";
        return (DbContextOptions<T>)new DbContextOptionsBuilder<T>()
            .UseTrainingProvider(provider, connection, module, assemblyOf)
            .Options;
    }
}
