using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Organisation.Data;

namespace Training.Testing;

/// <summary>Creates units and users directly, for tests that do not need the whole demo organisation.</summary>
public static class TestUsers
{
    public static async Task<OrgUnit> CreateUnitAsync(this TrainingApp app, string name, OrgUnit? parent = null)
    {
        return await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            var id = Guid.NewGuid();
            var unit = new OrgUnit
            {
                Id = id, ParentId = parent?.Id, Name = name, Code = TestCode(id), Kind = "Đơn vị",
                Path = (parent?.Path ?? "/") + id.ToString("N") + "/", Depth = (parent?.Depth ?? -1) + 1,
            };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            return unit;
        });
    }

    /// <summary>A user with the demo password, the given built-in role, unit and (for HR) scope.</summary>
    public static async Task<TrainingUser> CreateUserAsync(this TrainingApp app, string userName, string role, OrgUnit? unit = null,
        OrgUnit? scope = null, string? category = null, string? fullName = null)
    {
        return await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<TrainingUser>>();
            var user = new TrainingUser
            {
                UserName = userName, Email = $"{userName}@test.local", FullName = fullName ?? $"Người dùng {userName}",
                StaffCode = userName.ToUpperInvariant(), PrimaryUnitId = unit?.Id, ScopeUnitId = scope?.Id,
                StaffCategory = category, CreatedAt = DateTimeOffset.UtcNow,
            };
            var result = await users.CreateAsync(user, Browser.DemoPassword);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            if (unit is not null)
            {
                var db = sp.GetRequiredService<OrganisationDbContext>();
                db.Memberships.Add(new UnitMembership { UserId = user.Id, UnitId = unit.Id, IsPrimary = true });
                await db.SaveChangesAsync();
            }
            return user;
        });
    }

    public static Task<int> CountUsersAsync(this TrainingApp app) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<OrganisationDbContext>().Users.CountAsync());

    /// <summary>A unique unit code spelled with the letters g–v only (the id's first ten hexadecimal digits, shifted): a
    /// test searching units for "A1" or "b" must never match a code by chance, as "T…fa15…" once matched "A1".</summary>
    private static string TestCode(Guid id) => "T" + string.Concat(id.ToString("N")[..10].Select(c => (char)('g' + Convert.ToInt32(c.ToString(), 16))));
}
