using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Hosting;
using Training.Abstractions.Security;
using Training.Organisation.Data;
using Training.Organisation.Roster;

namespace Training.Organisation.Seed;

/// <summary>Seeds the demo organisation, about 300 staff and the four demo accounts. Idempotent: does nothing
/// when the demo root unit already exists.</summary>
internal sealed class DemoOrganisationSeeder : IDemoSeeder
{
    public const string DemoPassword = "Training@2026";

    public int Order => 0;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<OrganisationDbContext>();
        if (await db.Units.AnyAsync(u => u.Name == DemoOrganisation.NinhBinh && u.ParentId == null, ct)) return;

        var normalizer = services.GetRequiredService<ILookupNormalizer>();
        var hasher = services.GetRequiredService<IPasswordHasher<TrainingUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var tree = new UnitTree(await db.Units.ToListAsync(ct));
        var random = new Random(2026);
        // Demo only: one hash shared by every demo account so seeding stays fast.
        var passwordHash = hasher.HashPassword(new TrainingUser(), DemoPassword);
        var users = new List<TrainingUser>();
        var number = 0;

        TrainingUser Add(string userName, string fullName, string category, string position, OrgUnit unit, string role, params OrgUnit[] extra)
        {
            number++;
            var code = userName.Length <= 8 && !userName.StartsWith("NB", StringComparison.Ordinal) && !userName.StartsWith("CH", StringComparison.Ordinal)
                ? $"DEMO-{userName.ToUpperInvariant()}" : userName;
            var user = new TrainingUser
            {
                Id = Guid.NewGuid().ToString(),
                UserName = userName,
                NormalizedUserName = normalizer.NormalizeName(userName),
                Email = $"{userName.ToLowerInvariant()}@demo.training.gov.vn",
                NormalizedEmail = normalizer.NormalizeEmail($"{userName.ToLowerInvariant()}@demo.training.gov.vn"),
                EmailConfirmed = true,
                PasswordHash = passwordHash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                FullName = fullName,
                StaffCode = code,
                StaffCategory = category,
                Position = position,
                PrimaryUnitId = unit.Id,
                CreatedAt = clock.GetUtcNow(),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roles[role] });
            db.Memberships.Add(new UnitMembership { UserId = user.Id, UnitId = unit.Id, IsPrimary = true });
            foreach (var e in extra.Where(e => e.Id != unit.Id)) db.Memberships.Add(new UnitMembership { UserId = user.Id, UnitId = e.Id });
            users.Add(user);
            return user;
        }

        var ninhBinh = tree.GetOrCreate([DemoOrganisation.NinhBinh]);
        tree.GetOrCreate([DemoOrganisation.CatHai]);
        var tcc = tree.GetOrCreate([DemoOrganisation.NinhBinh, "Phòng Tổ chức cán bộ"]);
        var gdth = tree.GetOrCreate([DemoOrganisation.NinhBinh, "Phòng Giáo dục Trung học"]);
        var lvt = tree.GetOrCreate([DemoOrganisation.NinhBinh, DemoOrganisation.NinhBinhSchools[0]]);

        Add("admin", "Nguyễn Văn Quản", "chuyên viên", "Quản trị hệ thống", ninhBinh, BuiltInRoles.Administrator);
        Add("trainer", "Trần Thị Thu Hà", "chuyên viên", "Chuyên viên Phòng Giáo dục Trung học", gdth, BuiltInRoles.Trainer);
        var hr = Add("hr", "Lê Thị Hạnh", "chuyên viên", "Trưởng phòng Tổ chức cán bộ", tcc, BuiltInRoles.HR);
        hr.ScopeUnitId = ninhBinh.Id;
        Add("learner", "Phạm Minh Đức", "giáo viên", "Giáo viên Tin học", lvt, BuiltInRoles.Learner);

        void Staff(string prefix, string[] path, string[] categories, int count, OrgUnit? extra = null)
        {
            var unit = tree.GetOrCreate(path);
            for (var i = 0; i < count; i++)
            {
                var category = path[^1].StartsWith("Thanh tra", StringComparison.Ordinal) ? "thanh tra" : categories[random.Next(categories.Length)];
                var code = $"{prefix}{number + 1:0000}";
                var extras = extra is not null && i % 10 == 0 ? new[] { extra } : [];
                Add(code, DemoNames.Next(random), category, DemoOrganisation.PositionFor(category, random), unit, BuiltInRoles.Learner, extras);
            }
        }

        foreach (var office in DemoOrganisation.NinhBinhOffices) Staff("NB", [DemoOrganisation.NinhBinh, office], DemoOrganisation.OfficeCategories, 5);
        var gdnn = tree.GetOrCreate([DemoOrganisation.NinhBinh, DemoOrganisation.NinhBinhSchools[^1]]);
        foreach (var school in DemoOrganisation.NinhBinhSchools) Staff("NB", [DemoOrganisation.NinhBinh, school], DemoOrganisation.SchoolCategories, 16, gdnn);
        foreach (var office in DemoOrganisation.CatHaiOffices) Staff("CH", [DemoOrganisation.CatHai, office], DemoOrganisation.OfficeCategories, 4);
        foreach (var school in DemoOrganisation.CatHaiSchools) Staff("CH", [DemoOrganisation.CatHai, school], DemoOrganisation.SchoolCategories, 10);
        // A unit head who is only a learner (issue 11 item 5): the principal of the learner's school, added last so the
        // staff codes above keep their numbers.
        Add("head", "Đỗ Văn Thành", "cán bộ quản lý", "Hiệu trưởng", lvt, BuiltInRoles.Learner);

        db.Units.AddRange(tree.Created);
        await db.SaveChangesAsync(ct);
    }
}
