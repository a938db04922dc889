using Microsoft.Extensions.DependencyInjection;
using Training.Organisation.Data;

namespace Training.Organisation.Tests.Units;

/// <summary>Many units under one parent in one SaveChanges (EF sends them as batched multi-row INSERTs in a single
/// transaction, not one round trip per unit).</summary>
internal static class UnitSeed
{
    public static Task SeedAsync(TrainingApp app, OrgUnit parent, int count, Func<int, string> name) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OrganisationDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var units = Enumerable.Range(1, count).Select(i =>
        {
            var id = Guid.NewGuid();
            return new OrgUnit
            {
                Id = id, ParentId = parent.Id, Name = name(i), Code = $"U{i:000000}", Kind = "Trường",
                Path = parent.Path + id.ToString("N") + "/", Depth = parent.Depth + 1,
            };
        });
        db.Units.AddRange(units);
        await db.SaveChangesAsync();
    });
}
