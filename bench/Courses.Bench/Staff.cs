using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Organisation.Data;
using Training.Testing;

namespace Training.Courses.Bench;

/// <summary>A generated organisation written straight into the Organisation model (no password hashing): a root,
/// 20 districts, 200 schools and <c>people</c> staff spread over the schools, a few with a second post.</summary>
internal static class Staff
{
    private static readonly string[] Categories = ["giáo viên", "giáo viên", "giáo viên", "cán bộ quản lý", "chuyên viên", "nhân viên"];

    public static async Task<OrgUnit> GenerateAsync(TrainingApp app, int people)
    {
        var random = new Random(2026);
        var (root, schools) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            var units = new List<OrgUnit>();
            OrgUnit Make(string name, OrgUnit? parent)
            {
                var id = Guid.NewGuid();
                var unit = new OrgUnit
                {
                    Id = id, ParentId = parent?.Id, Name = name, Code = "B" + (units.Count + 1).ToString("00000"), Kind = "Đơn vị",
                    Path = (parent?.Path ?? "/") + id.ToString("N") + "/", Depth = (parent?.Depth ?? -1) + 1,
                };
                units.Add(unit);
                return unit;
            }
            var top = Make("Sở (bench)", null);
            var districts = Enumerable.Range(1, 20).Select(i => Make($"Huyện {i:00}", top)).ToList();
            var leaves = Enumerable.Range(1, 200).Select(i => Make($"Trường {i:000}", districts[i % 20])).ToList();
            db.Units.AddRange(units);
            await db.SaveChangesAsync();
            return (top, leaves.Select(u => u.Id).ToList());
        });
        for (var start = 0; start < people; start += 5_000)
        {
            await app.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<OrganisationDbContext>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                for (var i = start; i < Math.Min(people, start + 5_000); i++)
                {
                    var id = Guid.NewGuid().ToString();
                    var unit = schools[random.Next(schools.Count)];
                    var code = $"BS{i:000000}";
                    db.Users.Add(new TrainingUser
                    {
                        Id = id, UserName = code, NormalizedUserName = code, Email = $"{code.ToLowerInvariant()}@bench.local", NormalizedEmail = $"{code}@BENCH.LOCAL",
                        SecurityStamp = id, ConcurrencyStamp = id, FullName = $"Cán bộ {i:000000}", StaffCode = code,
                        StaffCategory = Categories[random.Next(Categories.Length)], Position = "Giáo viên", PrimaryUnitId = unit, CreatedAt = DateTimeOffset.UtcNow,
                    });
                    db.Memberships.Add(new UnitMembership { UserId = id, UnitId = unit, IsPrimary = true });
                    var second = schools[random.Next(schools.Count)];
                    if (random.Next(20) == 0 && second != unit) db.Memberships.Add(new UnitMembership { UserId = id, UnitId = second });
                }
                await db.SaveChangesAsync();
            });
        }
        return root;
    }
}
