using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Audiences;
using Training.Abstractions.Hosting;
using Training.Abstractions.Organisation;
using Training.Courses.Audiences;
using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Seed;

/// <summary>Attaches the demo courses to the demo plans' audiences (seeded by Organisation under these names): the
/// conduct course QTUX-03 to Cát Hải's student-affairs staff, the legal framework course KPL-01 to Ninh Bình's
/// teachers, due 90 days after each person's joining date. Idempotent: attaching twice changes nothing.</summary>
internal sealed class DemoAudienceCoursesSeeder : IDemoSeeder
{
    private static readonly (string Audience, string Course)[] Links =
    [
        ("Cán bộ làm công tác học sinh — UBND huyện Cát Hải", "QTUX-03"),
        ("Giáo viên — Sở GD&ĐT Ninh Bình", "KPL-01"),
    ];

    public int Order => 25;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var audiences = await services.GetRequiredService<IAudienceDirectory>().GetAudiencesAsync(UnitScope.Everything, ct);
        var catalog = services.GetRequiredService<CourseCatalog>();
        var links = services.GetRequiredService<AudienceLinks>();
        var admin = (await services.GetRequiredService<IOrgDirectory>().GetPeopleAsync(new PeopleQuery(null), ct))
            .FirstOrDefault(p => p.StaffCode == "DEMO-ADMIN")?.UserId ?? "";
        foreach (var (name, code) in Links)
        {
            var audience = audiences.FirstOrDefault(a => a.Name == name);
            var course = await catalog.FindByCodeAsync(code, ct);
            if (audience is null || course is null) continue;
            await links.AttachAsync(audience, course.CourseId, DueFrom.Joining, 90, admin, ct);
        }
    }
}
