namespace Training.Abstractions.Hosting;

/// <summary>Seeds a module's demo data when <c>Training:SeedDemo</c> is true. Must be idempotent:
/// it runs at every start.</summary>
public interface IDemoSeeder
{
    /// <summary>Lower runs first (the organisation seeds before courses, courses before certificates).</summary>
    int Order { get; }

    /// <summary>Seed, within a fresh scope.</summary>
    Task SeedAsync(IServiceProvider services, CancellationToken ct);
}
