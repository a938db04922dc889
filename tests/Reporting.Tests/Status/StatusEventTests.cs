using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Certificates;
using Training.Abstractions.Events;
using Training.Certification.Data;
using Training.Certification.Issuance;
using Training.Organisation.Data;
using Training.Reporting.Data;
using Training.Reporting.Status;
using Training.Reporting.Tests.RealModules;

namespace Training.Reporting.Tests.Status;

/// <summary>Item 4 of issue 13: the dashboard reads Reporting's status tables, which certificate events (Certification's
/// outbox) and roster changes (Reporting's outbox) keep current; no cache stands between an event and the page. Figures
/// start from <see cref="RealWorld"/>: Sở 3 / 8, Trường 1 2 / 4, Trường 2 1 / 3.</summary>
public sealed partial class StatusEventTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task ANewCertificateShowsOnTheDashboardWithinSecondsAndARevokedOneDrops(TestDatabase database)
    {
        using var world = await RealWorld.CreateAsync(database);
        Assert.Equal((3, 8), await TotalAsync(world));

        var clock = Stopwatch.StartNew();
        await CompleteAsync(world, "t1b");
        var after = await WaitForAsync(world, (4, 8));
        Assert.True(after < Within, $"The new certificate showed after {after.TotalSeconds:0.0} s.");

        var url = $"/hr/certificates/{await world.CertificateIdAsync("t1a")}";
        var revoke = await world.Admin.PostFormAsync(url, new Dictionary<string, string> { ["reason"] = "Cấp nhầm người" }, url + "?handler=revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        var dropped = await WaitForAsync(world, (3, 8));
        Assert.True(dropped < Within, $"The revocation showed after {dropped.TotalSeconds:0.0} s.");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task APersonMovedToAnotherUnitMovesThatUnitsCounts(TestDatabase database)
    {
        using var world = await RealWorld.CreateAsync(database);
        var before = Rows(await DashboardAsync(world));
        Assert.Equal((4, 2), before["Trường 1"]);
        Assert.Equal((3, 1), before["Trường 2"]);

        // t1a (certified) moves from Trường 1 to Trường 2, as an administrator's edit does, and the listeners are told.
        var t1a = world.People["t1a"].Id;
        await world.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganisationDbContext>();
            var membership = await db.Memberships.SingleAsync(m => m.UserId == t1a);
            db.Memberships.Remove(membership);
            db.Memberships.Add(new UnitMembership { UserId = t1a, UnitId = world.School2.Id, IsPrimary = true });
            (await db.Users.SingleAsync(u => u.Id == t1a)).PrimaryUnitId = world.School2.Id;
            await db.SaveChangesAsync();
        });
        await world.RosterChangedAsync([t1a]);

        var after = Rows(await DashboardAsync(world));
        Assert.Equal((3, 1), after["Trường 1"]);
        Assert.Equal((4, 2), after["Trường 2"]);
        Assert.Equal((3, 8), await TotalAsync(world));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task RedeliveredAndLateEventsChangeNothingAndTheBackfillRebuildsWhatTheEventsBuilt(TestDatabase database)
    {
        using var world = await RealWorld.CreateAsync(database);
        var t1a = world.People["t1a"].Id;
        var first = await world.CertificateIdAsync("t1a");
        var old = await FactAsync(world, first);

        // A reissue (same cycle): the row follows the replacement, its run of validity does not restart.
        var reissued = await world.App.WithScopeAsync(sp => sp.GetRequiredService<CertificateActions>().ReissueAsync(first, "Sai ngày sinh", "quantri", CancellationToken.None));
        Assert.Null(reissued.Error);
        await world.DrainAsync();
        var row = await RowAsync(world, t1a);
        Assert.Equal(reissued.Certificate!.Id, row.CertificateId);
        Assert.Equal(old.IssuedOn, row.ValidFrom);
        Assert.Equal(2, row.Certificates);

        // The first certificate's issue event delivered again, late: nothing changes, the row keeps the replacement.
        var late = new CertificateIssued(Guid.NewGuid(), RealWorld.Now, first, t1a, old.ProgrammeId, old.IssuedOn, old.ExpiresOn);
        await world.App.WithScopeAsync(async sp =>
        {
            foreach (var handler in sp.GetServices<IDomainEventHandler<CertificateIssued>>()) await handler.HandleAsync(late, CancellationToken.None);
            foreach (var handler in sp.GetServices<IDomainEventHandler<CertificateIssued>>()) await handler.HandleAsync(late, CancellationToken.None);
        });
        var again = await RowAsync(world, t1a);
        Assert.Equal(row.CertificateId, again.CertificateId);
        Assert.Equal(row.UpdatedAt, again.UpdatedAt); // not even rewritten
        Assert.Equal(0, await world.App.WithScopeAsync(sp => sp.GetRequiredService<StatusRefresher>().RefreshAsync(world.People.Values.Select(p => p.Id).ToList(), CancellationToken.None)));

        var incremental = await TableAsync(world);
        var rows = await world.App.WithScopeAsync(sp => sp.GetRequiredService<PersonStatusBackfill>().RebuildAsync());
        var rebuilt = await TableAsync(world);
        Assert.Equal(4, rows); // t1a, k, d1, t2a (revoked); x holds nothing
        Assert.Equal(incremental, rebuilt);
    }

    private static async Task CompleteAsync(RealWorld world, string person)
    {
        var completion = new CourseCompleted(Guid.NewGuid(), RealWorld.Now, Guid.NewGuid(), world.People[person].Id, Guid.NewGuid(), "KPL-01",
            "Kiến thức pháp luật", 1, 90m, RealWorld.Now);
        await world.App.WithScopeAsync(async sp =>
        {
            foreach (var handler in sp.GetServices<IDomainEventHandler<CourseCompleted>>()) await handler.HandleAsync(completion, CancellationToken.None);
        });
    }

    private static Task<CertificateFact> FactAsync(RealWorld world, Guid id) => world.App.WithScopeAsync(async sp =>
    {
        var c = await sp.GetRequiredService<CertificationDbContext>().Certificates.AsNoTracking().SingleAsync(x => x.Id == id);
        return new CertificateFact(c.Id, c.UserId, c.ProgrammeId, c.IssuedOn, c.ExpiresOn, c.RevokedOn, c.SupersededOn, c.SerialNumber, c.VerificationCode);
    });

    private static Task<PersonStatus> RowAsync(RealWorld world, string userId) =>
        world.App.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().PersonStatuses.AsNoTracking().SingleAsync(s => s.UserId == userId));

    /// <summary>Both tables as text, without the update times.</summary>
    private static Task<List<string>> TableAsync(RealWorld world) => world.App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ReportingDbContext>();
        var statuses = (await db.PersonStatuses.AsNoTracking().ToListAsync())
            .Select(s => $"{s.UserId} {s.ProgrammeId} {s.UnitId} {s.Category} {s.Posts} {s.ValidFrom} {s.ValidUntil} {s.RevokedOn} {s.CertificateId} {s.IssuedOn} {s.SerialNumber} {s.Certificates}");
        var staff = (await db.Staff.AsNoTracking().ToListAsync()).Select(s => $"{s.UserId} {s.UnitId} {s.Category} {s.Posts}");
        return statuses.Concat(staff).Order(StringComparer.Ordinal).ToList();
    });

    private static async Task<string> DashboardAsync(RealWorld world)
    {
        var response = await world.Admin.GetAsync($"/hr/plans/targets/{world.TargetId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<(int Certified, int Population)> TotalAsync(RealWorld world)
    {
        var m = TotalPattern().Match(await DashboardAsync(world));
        Assert.True(m.Success, "The dashboard shows no total.");
        return (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value));
    }

    /// <summary>Polls the dashboard (no outbox draining: what a user reloading the page sees) until it shows the figures.</summary>
    private static async Task<TimeSpan> WaitForAsync(RealWorld world, (int, int) expected)
    {
        var clock = Stopwatch.StartNew();
        while (await TotalAsync(world) != expected)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"The dashboard did not show {expected} within 20 s.");
            await world.App.RetryFailedOutboxMessagesAsync(); // the back-off of a failed delivery, on the frozen clock
            await Task.Delay(100);
        }
        return clock.Elapsed;
    }

    private static Dictionary<string, (int Population, int Certified)> Rows(string html) => RowPattern().Matches(html).ToDictionary(
        m => WebUtility.HtmlDecode(Regex.Replace(m.Groups["name"].Value, "<[^>]+>", "")).Trim(),
        m => (int.Parse(m.Groups["pop"].Value), int.Parse(m.Groups["cert"].Value)));

    [GeneratedRegex(@"<p class=""big"">[^<]*</p><p>(\d+) / (\d+) người</p>")]
    private static partial Regex TotalPattern();

    [GeneratedRegex(@"<tr[^>]*>\s*<td>(?<name>(?:(?!</td>).)*)</td>\s*<td>(?<pop>\d+)</td><td>(?<cert>\d+)</td>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();
}
