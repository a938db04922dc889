using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Certification.Data;
using Training.Courses.Data;
using Training.Reporting.Data;

namespace Training.Scale.Bench;

/// <summary>The small tables, written through the modules' own DbContexts as the site writes them: the published
/// courses, the programmes, and the plans (one national, one per province) whose targets the dashboards show.
/// Each part is skipped when its rows exist.</summary>
internal static class CatalogueSetup
{
    private static readonly DateTimeOffset Published = new(2023, 11, 1, 2, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(ScaleHost host, OrgModel org)
    {
        await host.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CoursesDbContext>();
            if (await db.Courses.AnyAsync(c => c.Code.StartsWith("BD-"))) return;
            for (var i = 0; i < Catalogue.CourseCount; i++)
            {
                var course = new Course
                {
                    Id = Hash.Id(2, i), Code = $"BD-{i + 1:00}", Title = Catalogue.CourseTitles[i], Status = CourseStatus.Published, LatestVersion = 1,
                    UpdatedAt = Published, PublishedVersionId = Hash.Id(3, i),
                };
                db.Courses.Add(course);
                db.Versions.Add(new CourseVersion { Id = Hash.Id(3, i), CourseId = course.Id, Version = 1, Code = course.Code, Title = course.Title, PublishedAt = Published, PublishedBy = "scale" });
            }
            await db.SaveChangesAsync();
        });
        await host.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CertificationDbContext>();
            if (await db.Programmes.AnyAsync(p => p.Code == Catalogue.Programmes[0].Code)) return;
            db.Programmes.AddRange(Catalogue.Programmes.Select((p, j) => new Programme
            {
                Id = Hash.Id(4, j), Code = p.Code, Name = p.Name, CourseCodes = $"BD-{j + 1:00}", ValidityMonths = p.ValidityMonths, MinScore = 80,
                IssuingUnitName = "Bộ Nội vụ", IssuingBody = "Bộ Nội vụ", IssuerCode = "BNV", Place = "Hà Nội", SignerTitle = "Vụ trưởng", SignerName = "Nguyễn Văn An",
            }));
            await db.SaveChangesAsync();
        });
        await host.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReportingDbContext>();
            if (await db.Plans.AnyAsync(p => p.Number == Plans.NationalNumber)) return;
            db.Plans.Add(Plan(Plans.NationalNumber, "Kế hoạch bồi dưỡng cán bộ, công chức toàn quốc giai đoạn 2024–2030", "Bộ Nội vụ", null, org.Units[0].Id));
            foreach (var province in org.Units.Where(u => u.Depth == 1))
                db.Plans.Add(Plan($"{province.Index}/KH-UBND", $"Kế hoạch bồi dưỡng cán bộ, công chức {province.Name["UBND ".Length..]} giai đoạn 2024–2030",
                    province.Name, province.Id, province.Id));
            await db.SaveChangesAsync();
        });
    }

    private static Plan Plan(string number, string title, string issuer, Guid? planUnit, Guid targetUnit) => new()
    {
        Id = Guid.NewGuid(), Number = number, Title = title, Issuer = issuer, IssuedOn = new(2024, 1, 15), FromYear = 2024, ToYear = 2030, UnitId = planUnit,
        Targets =
        {
            new PlanTarget
            {
                Id = Guid.NewGuid(), Ordinal = 1, Kind = TargetKind.StaffCertified, UnitId = targetUnit, Categories = "", ProgrammeCodes = Plans.ProgrammeCodes,
                Indicator = "Đến năm 2025 trên 80% và đến năm 2030 100% cán bộ, công chức được bồi dưỡng kiến thức pháp luật và kỹ năng chuyển đổi số.",
                Milestones =
                {
                    new Milestone { Id = Guid.NewGuid(), DueOn = new(2025, 12, 31), Percent = 80, Strict = true },
                    new Milestone { Id = Guid.NewGuid(), DueOn = new(2030, 12, 31), Percent = 100 },
                },
            },
        },
    };
}

internal static class Plans
{
    public const string NationalNumber = "01/KH-BNV-SCALE";
    public const string ProgrammeCodes = "CT-KPL;CT-CDS";
}
