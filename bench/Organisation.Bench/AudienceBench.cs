using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Organisation;
using Training.Abstractions.Security;
using Training.Organisation.Audiences;
using Training.Organisation.Data;
using Training.Organisation.Roster;
using Training.Reporting.Api;
using Training.Testing;

namespace Training.Organisation.Bench;

/// <summary>Issue 11 targets: a roster sync of N staff with 5 % changed, through <c>POST /api/roster</c> (whose roster
/// listener re-evaluates the audiences for the changed people), followed by the evaluation of every audience for
/// everybody, while a learner writes every 20 ms. Eleven audiences: by category, by position, by school subtree, and
/// "joined within 30 days". Prints the sync, the listener, the full evaluation, peak working set and the learner's writes.</summary>
internal static class AudienceBench
{
    private const int Schools = 40;

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args.ElementAtOrDefault(0) ?? "sqlite";
        var sizes = (args.ElementAtOrDefault(1) ?? "20000,100000").Split(',').Select(int.Parse).ToArray();
        var database = provider == "postgres" ? TestDatabase.Postgres : TestDatabase.Sqlite;
        var full = new Dictionary<int, double>();
        var failed = 0;
        foreach (var size in sizes)
        {
            using var app = new TrainingApp(database: database, settings: new Dictionary<string, string?> { ["Roster:MaxFileBytes"] = (64L << 20).ToString() });
            var root = await app.CreateUnitAsync(RosterFile.Root);
            var schools = new List<OrgUnit>();
            for (var i = 0; i < Schools; i++) schools.Add(await app.CreateUnitAsync($"Trường THPT số {i}", root));
            await app.CreateUserAsync("learner", BuiltInRoles.Learner, schools[0]);
            var subtree = await app.WithScopeAsync(sp => sp.GetRequiredService<IOrgDirectory>().GetSubtreeAsync(root.Id));
            var authority = RosterAuthority.ForSubtree(new UnitScope(false, root.Id, subtree));
            var created = await app.WithScopeAsync(sp => sp.GetRequiredService<RosterImporter>().ImportAsync(new MemoryStream(Build(size, 1)), authority));
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Take(3)));
            await app.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<OrganisationDbContext>();
                var now = DateTimeOffset.UtcNow;
                Audience A(string name, Guid unit, string[]? categories = null, string[]? positions = null, int? days = null) => new()
                {
                    Id = Guid.NewGuid(), Name = name, UnitIds = [unit], Categories = [.. categories ?? []], Positions = [.. positions ?? []],
                    JoinedWithinDays = days, StartsOn = new DateOnly(2026, 1, 1), CreatedAt = now, UpdatedAt = now,
                };
                db.Audiences.AddRange(A("Giáo viên", root.Id, ["giáo viên"]), A("Nhân viên", root.Id, ["nhân viên"]),
                    A("Tổ trưởng", root.Id, positions: ["Tổ trưởng chuyên môn"]), A("Mới vào", root.Id, days: 30));
                for (var i = 0; i < 7; i++) db.Audiences.Add(A($"Trường {i}", schools[i].Id));
                await db.SaveChangesAsync();
            });
            var initial = await Evaluate(app);
            var (_, secret) = await app.WithScopeAsync(sp => sp.GetRequiredService<ApiKeyService>().CreateAsync("HRM", root.Id, root.Name, "bench"));
            var api = app.CreateClient();
            api.DefaultRequestHeaders.Add("X-Api-Key", secret);
            api.Timeout = TimeSpan.FromMinutes(5);

            var learner = new LearnerWrites(app, "learner");
            using var stop = new CancellationTokenSource();
            var writes = Task.Run(() => learner.RunAsync(stop.Token));
            await Task.Delay(200);
            var watch = Stopwatch.StartNew();
            using var body = new ByteArrayContent(Build(size, 2));
            body.Headers.ContentType = new("text/csv");
            var response = await api.PostAsync("/api/roster", body);
            var sync = watch.Elapsed;
            var after = await Evaluate(app);
            var total = watch.Elapsed;
            await Task.Delay(200);
            await stop.CancelAsync();
            await writes;
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
            failed += learner.Failed;
            full[size] = initial.Elapsed.TotalSeconds;
            Console.WriteLine($"{provider} {size,6}: initial evaluation {initial.Elapsed.TotalSeconds:0.00} s ({initial.Result.Joined} joined) | sync via API incl. listener " +
                $"{sync.TotalSeconds:0.00} s | full evaluation after {after.Elapsed.TotalSeconds:0.00} s ({after.Result.Joined} joined, {after.Result.Left} left: " +
                $"the listener had done it) | sync + evaluation {total.TotalSeconds:0.00} s | peak working set {Process.GetCurrentProcess().PeakWorkingSet64 >> 20} MiB " +
                $"| learner writes {learner.Succeeded} ok, {learner.Failed} failed, p99 {learner.P99:0} ms, slowest {learner.Slowest.TotalMilliseconds:0} ms");
        }
        if (sizes.Length >= 2)
            Console.WriteLine($"initial evaluation ratio {sizes[^1]}/{sizes[0]}: {full[sizes[^1]] / full[sizes[0]]:0.00}");
        return failed == 0 ? 0 : 1;
    }

    private static async Task<(TimeSpan Elapsed, AudienceEvaluation Result)> Evaluate(TrainingApp app)
    {
        var watch = Stopwatch.StartNew();
        var result = await app.WithScopeAsync(sp => sp.GetRequiredService<AudienceEvaluator>().EvaluateAsync());
        return (watch.Elapsed, result);
    }

    /// <summary>A name part made of letters only (names refuse digits): 0 → "A", 27 → "Bb".</summary>
    private static string Letters(int i)
    {
        var s = new StringBuilder();
        do { s.Insert(0, (char)('a' + i % 26)); i /= 26; } while (i > 0);
        s[0] = char.ToUpperInvariant(s[0]);
        return s.ToString();
    }

    /// <summary>Edition 2 moves every twentieth person (5 %) between "giáo viên" and "nhân viên" and changes their position.</summary>
    private static byte[] Build(int rows, int edition)
    {
        var csv = new StringBuilder("Mã cán bộ,Họ và tên,Email,Đơn vị,Đơn vị kiêm nhiệm,Chức vụ,Đối tượng\n");
        for (var i = 0; i < rows; i++)
        {
            var changed = edition == 2 && i % 20 == 0;
            var teacher = (i % 5 != 0) ^ changed;
            var position = teacher ? (i % 7 == 0) ^ changed ? "Tổ trưởng chuyên môn" : "Giáo viên" : "Nhân viên";
            csv.Append($"NB{i:000000},Cán Bộ {Letters(i)},nb{i}@sogddt.ninhbinh.gov.vn,{RosterFile.School(i % Schools)},,{position},{(teacher ? "giáo viên" : "nhân viên")}\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
