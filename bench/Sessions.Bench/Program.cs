using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Training.Abstractions.Security;
using Training.Organisation.Data;
using Training.Organisation.Sessions;
using Training.Testing;

// What a server-side session costs per request: one primary-key read of org_sessions plus unprotecting the stored
// ticket, against what the self-contained cookie cost before (unprotecting the whole ticket from the cookie).
// Usage: dotnet run -c Release --project bench/Sessions.Bench -- [sqlite|postgres] [sessions] [lookups]
var database = args.Length > 0 && args[0] == "postgres" ? TestDatabase.Postgres : TestDatabase.Sqlite;
var sessions = args.Length > 1 ? int.Parse(args[1]) : 10_000;
var lookups = args.Length > 2 ? int.Parse(args[2]) : 20_000;

// The site's content root, which a test project learns from Mvc.Testing's build targets.
var repo = new DirectoryInfo(AppContext.BaseDirectory);
while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "Training.sln"))) repo = repo.Parent;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TRAININGSITE", Path.Combine(repo!.FullName, "src", "TrainingSite"));

using var app = new TrainingApp(database: database);
var user = await app.CreateUserAsync("bench", BuiltInRoles.Administrator);
var ticket = await app.WithScopeAsync(async sp =>
{
    var principal = await sp.GetRequiredService<SignInManager<TrainingUser>>().CreateUserPrincipalAsync(user);
    var now = DateTimeOffset.UtcNow;
    return new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(8) }, IdentityConstants.ApplicationScheme);
});
var store = app.Services.GetRequiredService<DatabaseTicketStore>();
var format = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme).TicketDataFormat;

var keys = new List<string>(sessions);
for (var i = 0; i < sessions; i++) keys.Add(await store.StoreAsync(ticket));
var selfContained = format.Protect(ticket);
var sessionCookie = format.Protect(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(
    [new Claim("Microsoft.AspNetCore.Authentication.Cookies-SessionId", keys[0])], IdentityConstants.ApplicationScheme)), IdentityConstants.ApplicationScheme));

var random = new Random(42);
var before = Measure(lookups, () => { format.Unprotect(selfContained); return Task.CompletedTask; });
var now = await MeasureAsync(lookups, async () =>
{
    format.Unprotect(sessionCookie);
    if (await store.RetrieveAsync(keys[random.Next(keys.Count)]) is null) throw new InvalidOperationException("session not found");
});

Console.WriteLine($"database={database} sessions={sessions} lookups={lookups} cookie={selfContained.Length} B before, {sessionCookie.Length} B now");
Console.WriteLine($"before (self-contained cookie): {before.WallUs:F1} µs wall, {before.CpuUs:F1} µs CPU per request");
Console.WriteLine($"now (session key + lookup):     {now.WallUs:F1} µs wall, {now.CpuUs:F1} µs CPU per request");
Console.WriteLine($"ratio now/before: wall {now.WallUs / before.WallUs:F1}, CPU {now.CpuUs / before.CpuUs:F1}");
return 0;

static (double WallUs, double CpuUs) Measure(int n, Func<Task> op) => MeasureAsync(n, op).GetAwaiter().GetResult();

static async Task<(double WallUs, double CpuUs)> MeasureAsync(int n, Func<Task> op)
{
    for (var i = 0; i < Math.Min(1000, n); i++) await op();
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    for (var i = 0; i < n; i++) await op();
    wall.Stop();
    process.Refresh();
    return (wall.Elapsed.TotalMicroseconds / n, (process.TotalProcessorTime - cpu).TotalMicroseconds / n);
}
