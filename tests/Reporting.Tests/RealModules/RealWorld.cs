using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Abstractions.Events;
using Training.Abstractions.Security;
using Training.Organisation.Data;

namespace Training.Reporting.Tests.RealModules;

/// <summary>A small organisation whose figures come through the real modules, not doubles: people in Organisation (one
/// with a concurrent post in two schools, two placed directly in the Sở, one of another category), a programme created
/// on the admin page and certificates issued by Certification from course completions, one revoked on the HR page; a
/// plan and target created on the plan pages. The figures every test expects:
/// <code>
///   unit            teachers                   certified
///   Phòng A         —                          —
///   Trường 1        T1A T1B T1C K              T1A K
///   Trường 2        T2A T2B K                  K        (T2A revoked)
///   direct in Sở    D1 D2                      D1
///   Sở (total)      8 (K once)                 3   = 37,5 %
/// </code></summary>
public sealed class RealWorld : IDisposable
{
    public static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    private RealWorld(TrainingApp app, FakeTimeProvider clock)
    {
        App = app;
        Clock = clock;
    }

    public TrainingApp App { get; }

    /// <summary>The frozen clock every module reads.</summary>
    public FakeTimeProvider Clock { get; }
    public OrgUnit So { get; private set; } = null!;
    public OrgUnit PhongA { get; private set; } = null!;
    public OrgUnit School1 { get; private set; } = null!;
    public OrgUnit School2 { get; private set; } = null!;
    public Dictionary<string, TrainingUser> People { get; } = [];
    public Guid PlanId { get; private set; }
    public Guid TargetId { get; private set; }
    public HttpClient Admin { get; private set; } = null!;

    public static async Task<RealWorld> CreateAsync(TestDatabase database = TestDatabase.Sqlite)
    {
        var app = new TrainingApp(database: database);
        var clock = new FakeTimeProvider(Now);
        app.WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var world = new RealWorld(app, clock);
        await world.SetUpAsync();
        return world;
    }

    private async Task SetUpAsync()
    {
        So = await App.CreateUnitAsync("Sở Giáo dục Thử nghiệm");
        PhongA = await App.CreateUnitAsync("Phòng A", So);
        School1 = await App.CreateUnitAsync("Trường 1", So);
        School2 = await App.CreateUnitAsync("Trường 2", So);
        await App.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        await App.CreateUserAsync("tccb", BuiltInRoles.HR, So, scope: So, category: "chuyên viên");
        foreach (var (name, unit) in new[] { ("t1a", School1), ("t1b", School1), ("t1c", School1), ("k", School1), ("t2a", School2), ("t2b", School2), ("d1", So), ("d2", So) })
            People[name] = await App.CreateUserAsync(name, BuiltInRoles.Learner, unit, category: "giáo viên", fullName: "Giáo viên " + name.ToUpperInvariant());
        People["x"] = await App.CreateUserAsync("x", BuiltInRoles.Learner, School1, category: "nhân viên", fullName: "Nhân viên X");
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            db.Memberships.Add(new UnitMembership { UserId = People["k"].Id, UnitId = School2.Id, IsPrimary = false });
            await db.SaveChangesAsync();
        });

        Admin = App.CreateBrowser();
        await Admin.SignInAsync("quantri");
        Expect(HttpStatusCode.Redirect, await Admin.PostFormAsync("/admin/programmes/edit", new Dictionary<string, string>
        {
            ["Input.Code"] = "CT-KPL", ["Input.Name"] = "Kiến thức pháp luật", ["Input.CourseCodes"] = "KPL-01", ["Input.MinScore"] = "70",
            ["Input.ValidityMonths"] = "24", ["Input.RecertificationWindowDays"] = "60", ["Input.IssuingBody"] = "UBND tỉnh",
            ["Input.IssuingUnitName"] = "Sở Giáo dục Thử nghiệm", ["Input.IssuerCode"] = "SGD-TN", ["Input.Place"] = "Ninh Bình",
            ["Input.SignerTitle"] = "GIÁM ĐỐC", ["Input.SignerName"] = "Nguyễn Văn Ký", ["Input.Wording"] = "Đã hoàn thành", ["Input.IsActive"] = "true",
        }));
        var course = Guid.NewGuid();
        foreach (var name in new[] { "t1a", "k", "d1", "t2a" })
        {
            var completion = new CourseCompleted(Guid.NewGuid(), Now, Guid.NewGuid(), People[name].Id, course, "KPL-01", "Kiến thức pháp luật", 1, 90m, Now);
            await App.WithScopeAsync(async sp =>
            {
                foreach (var handler in sp.GetServices<IDomainEventHandler<CourseCompleted>>()) await handler.HandleAsync(completion, CancellationToken.None);
            });
        }
        var revoked = await CertificateIdAsync("t2a");
        var url = $"/hr/certificates/{revoked}";
        Expect(HttpStatusCode.Redirect, await Admin.PostFormAsync(url, new Dictionary<string, string> { ["reason"] = "Hồ sơ không hợp lệ" }, url + "?handler=revoke"));

        var plan = await Admin.PostFormAsync("/hr/plans/edit", new Dictionary<string, string>
        {
            ["Input.Number"] = "9/KH-TN", ["Input.Title"] = "Kế hoạch bồi dưỡng thử nghiệm", ["Input.Issuer"] = "Sở Giáo dục Thử nghiệm",
            ["Input.FromYear"] = "2024", ["Input.ToYear"] = "2030", ["Input.UnitId"] = So.Id.ToString(),
        });
        Expect(HttpStatusCode.Redirect, plan);
        PlanId = Guid.Parse(plan.Headers.Location!.OriginalString.Split('/').Last());
        var targetUrl = $"/hr/plans/{PlanId}/targets/edit";
        Expect(HttpStatusCode.Redirect, await Admin.PostFormAsync(targetUrl, new Dictionary<string, string>
        {
            ["Input.Ordinal"] = "1", ["Input.Indicator"] = "Đến năm 2030, 100% giáo viên được bồi dưỡng.", ["Input.Kind"] = "StaffCertified",
            ["Input.UnitId"] = So.Id.ToString(), ["Input.Categories"] = "giáo viên", ["Input.Programmes"] = "CT-KPL",
            ["Input.Milestones[0].DueOn"] = "31/12/2030", ["Input.Milestones[0].Percent"] = "100",
        }, targetUrl));
        TargetId = await App.WithScopeAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            sp.GetRequiredService<Data.ReportingDbContext>().Targets.Where(t => t.PlanId == PlanId).Select(t => t.Id)));

        // The people were written straight into Organisation's tables: tell the listeners, as the roster import does,
        // and let Reporting's outbox bring its status tables up to date.
        await RosterChangedAsync(await App.WithScopeAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            sp.GetRequiredService<OrganisationDbContext>().Users.Select(u => u.Id))));
    }

    /// <summary>Tells every roster listener that these people changed, then waits for the outboxes to deliver.</summary>
    public async Task RosterChangedAsync(IReadOnlyCollection<string> userIds)
    {
        await App.WithScopeAsync(async sp =>
        {
            foreach (var listener in sp.GetServices<Training.Abstractions.Organisation.IRosterChangeListener>())
                await listener.PeopleChangedAsync(userIds, "admin");
        });
        await DrainAsync();
    }

    /// <summary>Waits until Certification's and Reporting's outboxes hold nothing undelivered.</summary>
    public Task DrainAsync() => App.DrainOutboxesAsync(TimeSpan.FromSeconds(30),
        typeof(Training.Certification.Data.CertificationDbContext), typeof(Data.ReportingDbContext));

    public Task<Guid> CertificateIdAsync(string person) => App.WithScopeAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
        sp.GetRequiredService<Training.Certification.Data.CertificationDbContext>().Certificates.Where(c => c.UserId == People[person].Id).Select(c => c.Id)));

    private static void Expect(HttpStatusCode status, HttpResponseMessage response) =>
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode}");

    public void Dispose() => App.Dispose();
}
