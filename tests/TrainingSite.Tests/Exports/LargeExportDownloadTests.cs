using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Training.Abstractions.Security;
using Xunit.Abstractions;
using Training.Certification.Data;
using Training.Organisation.Data;
using Training.Reporting.Data;

namespace Training.Site.Tests.Exports;

/// <summary>Issue 10, item 7: every CSV and XLSX export (Reporting and Certification) of 10,000 rows and more downloads whole
/// through a real Kestrel server, whose response body refuses synchronous writes. The HR certificate CSV used to stop after
/// ~64 KB (266 of 277 rows). Rows are counted against the API and the database.</summary>
public sealed class LargeExportDownloadTests(ITestOutputHelper output)
{
    private const int Size = 10_000;

    /// <summary>The site on a real loopback port (as the E2E tests run it).</summary>
    private sealed class KestrelSite : TrainingApp
    {
        public KestrelSite(TestDatabase database) : base(database: database)
        {
            UseKestrel(0);
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        }

        public Uri BaseUrl { get; }

        public HttpClient Client(params (string Name, string Value)[] headers)
        {
            var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
            {
                BaseAddress = BaseUrl, Timeout = TimeSpan.FromMinutes(5),
            };
            foreach (var (name, value) in headers) client.DefaultRequestHeaders.Add(name, value);
            return client;
        }
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task EveryExportOfTenThousandRowsDownloadsWholeThroughKestrel(TestDatabase database)
    {
        using var site = new KestrelSite(database);
        var (root, planId, targetId) = await SeedAsync(site);
        var admin = site.Client();
        await admin.SignInAsync("quantri");
        var api = site.Client(("X-Api-Key", await admin.CreateApiKeyAsync(root)));

        var coverage = await api.GetFromJsonAsync<JsonElement>($"/api/reports/coverage?target={targetId}");
        var population = coverage.GetProperty("unit").GetProperty("population").GetInt32();
        var units = coverage.GetProperty("children").GetArrayLength() + 1;
        var certificates = await site.WithScopeAsync(sp => sp.GetRequiredService<CertificationDbContext>().Certificates.CountAsync());
        Assert.Equal((Size, Size + 1, Size), (population, units, certificates));

        Assert.Equal(population, await TimedAsync("people.csv", () => CsvRowsAsync(admin, $"/hr/plans/targets/{targetId}/people.csv")));
        Assert.Equal(population, await TimedAsync("people.xlsx", () => XlsxRowsAsync(admin, $"/hr/plans/targets/{targetId}/people.xlsx", "Cán bộ")));
        Assert.Equal(units, await TimedAsync("units.csv", () => CsvRowsAsync(admin, $"/hr/plans/targets/{targetId}/units.csv")));
        Assert.Equal(units, await TimedAsync("units.xlsx", () => XlsxRowsAsync(admin, $"/hr/plans/targets/{targetId}/units.xlsx", "Đơn vị")));
        Assert.Equal(units, await TimedAsync("report.xlsx", () => XlsxRowsAsync(admin, $"/hr/plans/{planId}/report.xlsx?year=2026", "Chỉ tiêu 2026")));
        Assert.Equal(certificates, await TimedAsync("certificates.csv", () => CsvRowsAsync(admin, "/hr/certificates?handler=csv")));
        Assert.Equal(certificates, await TimedAsync("certificates.xlsx", () => XlsxRowsAsync(admin, "/hr/certificates?handler=xlsx", "Chứng chỉ")));
    }

    /// <summary>Download time including reading the file back, for the notes (shown with a detailed console logger).</summary>
    private async Task<int> TimedAsync(string name, Func<Task<int>> download)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var rows = await download();
        output.WriteLine($"{name}: {rows} rows in {watch.ElapsedMilliseconds} ms");
        return rows;
    }

    private static async Task<int> CsvRowsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        // Reading to the end fails if the server aborts the response midway.
        return ExportFiles.CsvRows(await response.Content.ReadAsByteArrayAsync()).Count;
    }

    private static async Task<int> XlsxRowsAsync(HttpClient client, string url, string sheet)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true, sheetName: sheet).Count();
    }

    /// <summary>A Sở with 10,000 schools of one teacher each, every teacher certified, and a plan on the Sở, written
    /// straight to the modules' tables (the roster import is not what is under test here).</summary>
    private static async Task<(Guid Root, Guid Plan, Guid Target)> SeedAsync(TrainingApp app)
    {
        await app.CreateUserAsync("quantri", BuiltInRoles.Administrator);
        var root = new OrgUnit { Id = Guid.NewGuid(), Name = "Sở Thử tải", Code = "TAI", Kind = "Sở", Depth = 0 };
        root.Path = $"/{root.Id:N}/";
        var people = new List<(string UserId, OrgUnit Unit, string Name)>();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            db.Units.Add(root);
            for (var i = 1; i <= Size; i++)
            {
                var unit = new OrgUnit { Id = Guid.NewGuid(), ParentId = root.Id, Name = $"Trường số {i:00000}", Code = $"TAI{i:00000}", Kind = "Trường", Depth = 1 };
                unit.Path = $"{root.Path}{unit.Id:N}/";
                var user = new TrainingUser
                {
                    Id = Guid.NewGuid().ToString(), UserName = $"tai{i:00000}", NormalizedUserName = $"TAI{i:00000}", StaffCode = $"TAI{i:00000}",
                    FullName = $"Giáo viên số {i:00000}", StaffCategory = "giáo viên", PrimaryUnitId = unit.Id, SecurityStamp = Guid.NewGuid().ToString("N"),
                    CreatedAt = DateTimeOffset.UtcNow,
                };
                db.Units.Add(unit);
                db.Users.Add(user);
                db.Memberships.Add(new UnitMembership { UserId = user.Id, UnitId = unit.Id, IsPrimary = true });
                people.Add((user.Id, unit, user.FullName));
            }
            await db.SaveChangesAsync();
        });
        var programme = Guid.NewGuid();
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CertificationDbContext>();
            db.Programmes.Add(new Programme
            {
                Id = programme, Code = "CT-KPL", Name = "Kiến thức pháp luật", CourseCodes = "KPL-01", MinScore = 70, ValidityMonths = null,
                IssuingBody = "UBND tỉnh", IssuingUnitName = "Sở Thử tải", IssuerCode = "TAI", Place = "Ninh Bình", SignerTitle = "GIÁM ĐỐC",
                SignerName = "Nguyễn Văn Ký", Wording = "Đã hoàn thành", IsActive = true,
            });
            var index = 0;
            foreach (var (userId, unit, name) in people)
            {
                index++;
                db.Certificates.Add(new Certificate
                {
                    Id = Guid.NewGuid(), ProgrammeId = programme, UserId = userId, Cycle = 1, SerialNumber = $"TAI/2025/{index:00000}",
                    VerificationCode = $"{index:0000000000000000}", StatusIndex = index, HolderName = name, HolderUnitId = unit.Id,
                    HolderUnitName = unit.Name, ProgrammeName = "Kiến thức pháp luật", IssuingUnitName = "Sở Thử tải", Result = "Đạt",
                    IssuedOn = new DateOnly(2025, 6, 1), Source = "seed", CreatedAt = DateTimeOffset.UtcNow,
                });
            }
            await db.SaveChangesAsync();
        });
        var plan = new Plan
        {
            Id = Guid.NewGuid(), Title = "Kế hoạch thử tải", Issuer = "Sở Thử tải", FromYear = 2025, ToYear = 2030, UnitId = root.Id,
            Targets =
            {
                new PlanTarget
                {
                    Id = Guid.NewGuid(), Ordinal = 1, Indicator = "100% giáo viên được bồi dưỡng.", Kind = TargetKind.StaffCertified, UnitId = root.Id,
                    ProgrammeCodes = "CT-KPL", Milestones = { new Milestone { Id = Guid.NewGuid(), DueOn = new DateOnly(2030, 12, 31), Percent = 100 } },
                },
            },
        };
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReportingDbContext>();
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
        });
        // The rows above were written without events (as an upgrade finds them), so Reporting's status tables are
        // rebuilt the way the `rebuild-reporting-status` verb does it; the dashboard and the coverage API read them.
        await app.WithScopeAsync(sp => sp.GetRequiredService<Training.Reporting.Status.PersonStatusBackfill>().RebuildAsync());
        return (root.Id, plan.Id, plan.Targets[0].Id);
    }
}
