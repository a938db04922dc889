using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Certificates;
using Training.Abstractions.Events;
using Training.Certification.Cycles;
using Training.Platform.Time;

namespace Training.Certification.Tests.Cycles;

/// <summary>Issue 11 item 4 (the cycle machinery shared with issue 12 item 5): the window opens, the scanner opens
/// cycle 2, Courses assigns the course again, the learner completes it again and earns the certificate of cycle 2.</summary>
public sealed class RecertificationCycleTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task WindowOpeningAssignsTheCourseAgainAndItsCompletionIssuesCycleTwo(TestDatabase database)
    {
        var w = await CycleWorld.CreateAsync(database);
        using var _ = w.App;
        var expires = w.First.ExpiresOn!.Value;
        Assert.Equal(1, w.First.Cycle);

        // The day before the window opens nothing happens; on its first day the cycle opens.
        w.Clock.SetUtcNow(VietnamClock.StartOf(expires.AddDays(-w.Programme.RecertificationWindowDays - 1)).AddHours(8).ToUniversalTime());
        Assert.Equal(0, await ScanAsync(w));
        w.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await ScanAsync(w));
        Assert.Equal(0, await ScanAsync(w));

        var cycle = Assert.Single(await w.CyclesAsync());
        Assert.Equal((2, RecertificationReasons.Expiry, expires, w.First.Id), (cycle.Cycle, cycle.Reason, cycle.DueOn, cycle.PreviousCertificateId));
        var assigned = Assert.Single(await CycleWorld.EventuallyAsync<List<Training.Courses.Data.CycleAssignment>>(w.App, async () => await w.CycleAssignmentsAsync()));
        Assert.Equal((2, w.Room.Course.CourseId, expires), (assigned.Cycle, assigned.CourseId, assigned.DueOn));
        // The finished run is history; the learner has a new, unfinished run due on the expiry day.
        var runs = await w.RunsAsync();
        Assert.Equal(2, runs.Count);
        Assert.Single(runs, r => !r.IsCurrent && r.CompletedAt is not null);
        var current = Assert.Single(runs, r => r.IsCurrent);
        Assert.Null(current.CompletedAt);
        Assert.Equal(expires, current.DueOn);
        Assert.Equal(current.Id, assigned.EnrolmentId);

        // Two years later the old sign-in has expired: the learner signs in again and completes the course again.
        var learner = w.App.CreateBrowser();
        await learner.SignInAsync("hocvien");
        await learner.CompleteAsync(w.App, w.Room.Course);
        var second = await CycleWorld.EventuallyAsync(w.App, async () =>
            (await w.App.CertificatesAsync(w.UserId)).SingleOrDefault(c => c.Cycle == 2));
        Assert.Equal(w.Programme.Id, second.ProgrammeId);
        Assert.Equal(2, (await w.App.CertificatesAsync(w.UserId)).Count);
    }

    [Fact]
    public async Task RedeliveredEventAddsNothingAndAnEarlierCompletionDoesNotCountForTheCycle()
    {
        var w = await CycleWorld.CreateAsync();
        using var _ = w.App;
        w.Clock.SetUtcNow(VietnamClock.StartOf(w.First.ExpiresOn!.Value.AddDays(-10)).ToUniversalTime());
        Assert.Equal(1, await ScanAsync(w));
        var first = Assert.Single(await CycleWorld.EventuallyAsync<List<Training.Courses.Data.CycleAssignment>>(w.App, async () => await w.CycleAssignmentsAsync()));

        var again = new RecertificationOpened(Guid.NewGuid(), w.Clock.GetUtcNow(), w.UserId, w.Programme.Id, w.Programme.Name, w.First.Id, 2,
            [w.Room.Course.Code], w.First.ExpiresOn!.Value, RecertificationReasons.Expiry);
        await w.App.WithScopeAsync(async sp =>
        {
            foreach (var h in sp.GetServices<IDomainEventHandler<RecertificationOpened>>()) await h.HandleAsync(again, CancellationToken.None);
        });
        Assert.Equal(first.Id, Assert.Single(await w.CycleAssignmentsAsync()).Id);
        Assert.Equal(2, (await w.RunsAsync()).Count);

        // Re-evaluating with only the cycle-1 completion issues nothing for cycle 2.
        var issued = await w.App.WithScopeAsync(sp => sp.GetRequiredService<Training.Certification.Issuance.CertificateIssuer>().EvaluateAsync(w.UserId, null, CancellationToken.None));
        Assert.Empty(issued);
    }

    [Fact]
    public async Task AnExpiredCertificateOpensNoCycle()
    {
        var w = await CycleWorld.CreateAsync();
        using var _ = w.App;
        w.Clock.SetUtcNow(VietnamClock.StartOf(w.First.ExpiresOn!.Value.AddDays(1)).ToUniversalTime());
        Assert.Equal(0, await ScanAsync(w));
        Assert.Empty(await w.CyclesAsync());
    }

    private static Task<int> ScanAsync(CycleWorld w) => w.App.WithScopeAsync(sp =>
        sp.GetRequiredService<RecertificationScanner>().ScanAsync(w.Clock.Today(), CancellationToken.None));
}
