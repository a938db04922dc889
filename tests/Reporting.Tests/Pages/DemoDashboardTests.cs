using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Certification.Data;
using Training.Courses.Data;
using Training.Organisation.Data;

namespace Training.Reporting.Tests.Pages;

/// <summary>The demo site as a clean clone runs it, every module real (no doubles): what `hr` sees on the dashboard is
/// checked against figures computed straight from the modules' tables, and a drill-down to a school must show the
/// figures of that school's row.</summary>
public sealed partial class DemoDashboardTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public async Task DemoHrFiguresMatchTheDatabaseAndTheDrillDownMatchesItsRow()
    {
        using var app = new TrainingApp(seedDemo: true)
            .WithServices(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(World.Now)));
        // Three uncertified teachers of the Sở start the programme's course on the course page (the Courses module).
        foreach (var staffCode in await UncertifiedAsync(app, 3))
        {
            var learner = app.CreateBrowser();
            await learner.SignInAsync(staffCode);
            var enrol = await learner.PostFormAsync("/courses/KPL-01", new Dictionary<string, string>(), "/courses/KPL-01?handler=Enrol");
            Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        }
        var client = app.CreateBrowser();
        await client.SignInAsync("hr");

        var plans = await client.GetStringAsync("/hr/plans");
        var planId = PlanLink().Match(plans).Groups[1].Value;
        var plan = await client.GetStringAsync($"/hr/plans/{planId}");
        var targetId = TargetLink().Match(plan).Groups[1].Value;
        var dashboard = await client.GetAsync($"/hr/plans/targets/{targetId}");
        var html = await dashboard.Content.ReadAsStringAsync();

        // The target: every staff member of Sở GD&ĐT Ninh Bình's subtree, certified by CT-KPL or CT-KNPH.
        var (population, certified, inProgress) = await ExpectedAsync(app, "Sở Giáo dục và Đào tạo Ninh Bình", ["CT-KPL", "CT-KNPH"]);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.True(population > 200 && certified > 50 && inProgress >= 3, $"demo too small: {certified}/{population}, {inProgress} in progress");
        Assert.Contains($"<p>{certified} / {population} người</p>", html);
        Assert.DoesNotContain("UBND huyện Cát Hải", html);

        // The rows add up to the total, less the people counted in two rows, as the footer says.
        var text = WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " "));
        var sum = Regex.Match(text, @"Cộng các dòng\s+(\d+)\s+(\d+)");
        var shared = Regex.Match(text, @"Trừ: người có vị trí ở nhiều dòng trên \(\d+ người\)\s+(\d+)\s+(\d+)");
        Assert.True(sum.Success, "no row total");
        var (extraPopulation, extraCertified) = shared.Success ? (int.Parse(shared.Groups[1].Value), int.Parse(shared.Groups[2].Value)) : (0, 0);
        Assert.Equal(population, int.Parse(sum.Groups[1].Value) - extraPopulation);
        Assert.Equal(certified, int.Parse(sum.Groups[2].Value) - extraCertified);
        Assert.Matches($@"Tổng Sở Giáo dục và Đào tạo Ninh Bình\s+{population}\s+{certified}", text);

        // Drill down to a school: its page shows its row's figures, and its people list that many people.
        var school = SchoolRow().Match(html);
        Assert.True(school.Success, "no school row");
        var (schoolPopulation, schoolCertified, schoolPercent) = (school.Groups["pop"].Value, school.Groups["cert"].Value, WebUtility.HtmlDecode(school.Groups["pct"].Value));
        var schoolPage = await client.GetAsync($"/hr/plans/targets/{targetId}{WebUtility.HtmlDecode(school.Groups["link"].Value)}");
        var schoolHtml = await schoolPage.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, schoolPage.StatusCode);
        Assert.Contains("<h1>Chỉ tiêu 1: Trường THPT chuyên Lương Văn Tụy</h1>", schoolHtml);
        Assert.Contains($"<p class=\"big\">{schoolPercent}</p><p>{schoolCertified} / {schoolPopulation} người</p>", schoolHtml);
        var (expectedSchool, expectedSchoolCertified, _) = await ExpectedAsync(app, "Trường THPT chuyên Lương Văn Tụy", ["CT-KPL", "CT-KNPH"]);
        Assert.Equal((expectedSchool, expectedSchoolCertified), (int.Parse(schoolPopulation), int.Parse(schoolCertified)));
        var people = await client.GetStringAsync($"/hr/plans/targets/{targetId}/people{WebUtility.HtmlDecode(school.Groups["link"].Value)}");
        Assert.Contains($"Tổng số: {schoolPopulation}", people);

        // People in progress come from the Courses module: enrolled in a programme's course, not completed, not certified.
        var all = await client.GetStringAsync($"/hr/plans/targets/{targetId}/people");
        Assert.Contains($"Đang học ({inProgress})", all);
        await SaveAsync("dashboard.html", html);
        await SaveAsync("plan.html", plan);
        await SaveAsync("school.html", schoolHtml);
    }

    [Fact]
    public async Task DemoHrSeesTheNinhBinhPlanOnlyAndTheAdministratorAllFive()
    {
        using var app = new TrainingApp(seedDemo: true);
        var hr = app.CreateBrowser();
        await hr.SignInAsync("hr");
        var admin = app.CreateBrowser();
        await admin.SignInAsync("admin");

        var hrPlans = await hr.GetAsync("/hr/plans");
        var adminPlans = await admin.GetAsync("/hr/plans");

        Assert.Equal(HttpStatusCode.OK, hrPlans.StatusCode);
        var hrHtml = await hrPlans.Content.ReadAsStringAsync();
        Assert.Single(AnyPlanLink().Matches(hrHtml));
        Assert.Contains("58/KH-SGDĐT", hrHtml);
        Assert.Equal(HttpStatusCode.OK, adminPlans.StatusCode);
        var adminHtml = await adminPlans.Content.ReadAsStringAsync();
        Assert.Equal(5, AnyPlanLink().Matches(adminHtml).Count);
        Assert.Equal(3, Regex.Matches(adminHtml, ">Tham khảo</span>").Count);
    }

    /// <summary>Population, certified and in-progress counts of a unit's subtree computed from the tables themselves.</summary>
    private static Task<(int Population, int Certified, int InProgress)> ExpectedAsync(TrainingApp app, string unit, string[] programmes) =>
        app.WithScopeAsync(async sp =>
        {
            var org = sp.GetRequiredService<OrganisationDbContext>();
            var root = await org.Units.SingleAsync(u => u.Name == unit);
            var people = (await org.Memberships.Join(org.Units, m => m.UnitId, u => u.Id, (m, u) => new { m.UserId, u.Path })
                .Where(x => x.Path.StartsWith(root.Path)).Select(x => x.UserId).Distinct().ToListAsync()).ToHashSet();
            var cert = sp.GetRequiredService<CertificationDbContext>();
            var ids = await cert.Programmes.Where(p => programmes.Contains(p.Code)).Select(p => p.Id).ToListAsync();
            var valid = (await cert.Certificates.Where(c => ids.Contains(c.ProgrammeId)).ToListAsync())
                .Where(c => c.IssuedOn <= Today && (c.ExpiresOn == null || Today <= c.ExpiresOn) && (c.RevokedOn == null || Today < c.RevokedOn))
                .Select(c => c.UserId).ToHashSet();
            var codes = (await cert.Programmes.Where(p => ids.Contains(p.Id)).Select(p => p.CourseCodes).ToListAsync())
                .SelectMany(s => s.Split(';', StringSplitOptions.RemoveEmptyEntries)).ToList();
            var courses = sp.GetRequiredService<CoursesDbContext>();
            var courseIds = await courses.Courses.Where(c => codes.Contains(c.Code)).Select(c => c.Id).ToListAsync();
            var learning = (await courses.Enrolments.Where(e => courseIds.Contains(e.CourseId) && e.IsCurrent && e.CompletedAt == null)
                .Select(e => e.UserId).ToListAsync()).ToHashSet();
            return (people.Count, people.Count(valid.Contains), people.Count(p => !valid.Contains(p) && learning.Contains(p)));
        });

    /// <summary>Staff codes of people of Ninh Bình's schools with no certificate at all.</summary>
    private static Task<List<string>> UncertifiedAsync(TrainingApp app, int count) => app.WithScopeAsync(async sp =>
    {
        var certified = (await sp.GetRequiredService<CertificationDbContext>().Certificates.Select(c => c.UserId).ToListAsync()).ToHashSet();
        var org = sp.GetRequiredService<OrganisationDbContext>();
        var candidates = await org.Users.Where(u => u.StaffCode.StartsWith("NB")).OrderBy(u => u.StaffCode).Select(u => new { u.Id, u.StaffCode }).ToListAsync();
        return candidates.Where(c => !certified.Contains(c.Id)).Take(count).Select(c => c.StaffCode).ToList();
    });

    /// <summary>With REPORTING_ARTIFACTS set, keeps the page (stylesheets pointed at the source files) for a screenshot.</summary>
    private static async Task SaveAsync(string name, string html)
    {
        var folder = Environment.GetEnvironmentVariable("REPORTING_ARTIFACTS");
        if (string.IsNullOrEmpty(folder)) return;
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        html = html.Replace("/_content/TrainingTheme/", $"file://{root}/themes/TrainingTheme/wwwroot/")
            .Replace("/_content/Reporting/", $"file://{root}/src/Modules/Reporting/wwwroot/");
        await File.WriteAllTextAsync(Path.Combine(folder, name), html);
    }

    [GeneratedRegex("href=\"/hr/plans/([0-9a-f-]{36})\">Thực hiện Đề án")]
    private static partial Regex PlanLink();

    [GeneratedRegex("<td><a href=\"/hr/plans/[0-9a-f-]{36}\">")]
    private static partial Regex AnyPlanLink();

    [GeneratedRegex("href=\"/hr/plans/targets/([0-9a-f-]{36})\"")]
    private static partial Regex TargetLink();

    [GeneratedRegex("<td>\\s*<a href=\"(?<link>\\?unit=[0-9a-f-]{36})\">Trường THPT chuyên Lương Văn Tụy</a>\\s*</td>\\s*<td>(?<pop>\\d+)</td><td>(?<cert>\\d+)</td><td>(?<pct>[^<]+)</td>")]
    private static partial Regex SchoolRow();
}
