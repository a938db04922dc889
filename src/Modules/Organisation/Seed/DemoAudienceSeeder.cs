using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Hosting;
using Training.Organisation.Audiences;
using Training.Organisation.Data;

namespace Training.Organisation.Seed;

/// <summary>Seeds the audiences of the demo plans and evaluates them: the student-affairs staff of Cát Hải (Quyết định
/// 311/QĐ-TTg plan: the conduct course) and the teachers of Sở GD&amp;ĐT Ninh Bình (Kế hoạch 58/KH-SGDĐT: the legal
/// framework course). Courses attaches the courses (its seeder finds the audiences by these names). Idempotent by name.</summary>
internal sealed class DemoAudienceSeeder : IDemoSeeder
{
    public const string CatHaiStudentAffairs = "Cán bộ làm công tác học sinh — UBND huyện Cát Hải";
    public const string NinhBinhTeachers = "Giáo viên — Sở GD&ĐT Ninh Bình";

    public int Order => 1;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<OrganisationDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var roots = await db.Units.AsNoTracking().Where(u => u.ParentId == null).ToDictionaryAsync(u => u.Name, u => u.Id, ct);
        var admin = await db.Users.AsNoTracking().Where(u => u.UserName == "admin").Select(u => u.Id).FirstOrDefaultAsync(ct) ?? "";
        var now = clock.GetUtcNow();
        var added = false;
        void Add(string name, string root, string category)
        {
            if (!roots.TryGetValue(root, out var unit) || db.Audiences.Any(a => a.Name == name)) return;
            db.Audiences.Add(new Audience
            {
                Id = Guid.NewGuid(), Name = name, UnitIds = [unit], Categories = [category], StartsOn = new DateOnly(2026, 1, 1),
                OwnerUnitId = unit, CreatedBy = admin, CreatedAt = now, UpdatedAt = now,
            });
            added = true;
        }
        Add(CatHaiStudentAffairs, DemoOrganisation.CatHai, "cán bộ làm công tác học sinh");
        Add(NinhBinhTeachers, DemoOrganisation.NinhBinh, "giáo viên");
        if (!added) return;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await services.GetRequiredService<AudienceEvaluator>().EvaluateAsync(ct: ct);
    }
}
