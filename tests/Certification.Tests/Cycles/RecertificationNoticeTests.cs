using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Organisation;
using Training.Abstractions.Security;
using Training.Certification.Cycles;
using Training.Platform.Time;
using Training.Reporting.Data;

namespace Training.Certification.Tests.Cycles;

/// <summary>Issue 11 item 4: when the scanner opens a cycle, the holder is notified in the site (with an e-mail queued)
/// and so is their unit head; without a unit-head directory only the holder is.</summary>
public sealed class RecertificationNoticeTests
{
    private sealed class FakeHeads(Func<string> head) : IUnitHeadDirectory
    {
        public Task<IReadOnlyList<Guid>> UnitsHeadedByAsync(string userId, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<Guid>>([]);
        public Task<IReadOnlyList<string>> HeadsOfPersonAsync(string userId, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<string>>([head()]);
        public Task<IReadOnlyList<UnitHeadInfo>> GetAllHeadsAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<UnitHeadInfo>>([]);
    }

    [Fact]
    public async Task HolderAndUnitHeadAreToldOnceWhenTheCycleOpens()
    {
        string headId = "";
        var w = await CycleWorld.CreateAsync(configure: s => s.AddSingleton<IUnitHeadDirectory>(new FakeHeads(() => headId)));
        using var _ = w.App;
        headId = (await w.App.CreateUserAsync("truongdonvi", BuiltInRoles.Learner)).Id;
        w.Clock.SetUtcNow(VietnamClock.StartOf(w.First.ExpiresOn!.Value.AddDays(-30)).ToUniversalTime());
        await w.App.WithScopeAsync(sp => sp.GetRequiredService<RecertificationScanner>().ScanAsync(w.Clock.Today(), CancellationToken.None));

        var notices = await CycleWorld.EventuallyAsync(w.App, async () =>
        {
            var rows = await NoticesAsync(w);
            return rows.Count >= 2 ? rows : null;
        });
        var holder = Assert.Single(notices, n => n.UserId == w.UserId);
        Assert.Equal("recertification", holder.Kind);
        Assert.Contains("Chu kỳ 2", holder.Body);
        Assert.Contains(w.First.ExpiresOn!.Value.ToString("dd/MM/yyyy"), holder.Body);
        var head = Assert.Single(notices, n => n.UserId == headId);
        Assert.Equal("recertification-head", head.Kind);

        // The holder sees the course to take again on "Học tập của tôi", and the open cycle on "Chứng chỉ của tôi".
        var learner = w.App.CreateBrowser();
        await learner.SignInAsync("hocvien");
        var learning = await learner.GetAsync("/learning");
        Assert.Equal(System.Net.HttpStatusCode.OK, learning.StatusCode);
        Assert.Contains("id=\"cycles\"", await learning.Content.ReadAsStringAsync());
        var mine = await learner.GetAsync("/certificates");
        Assert.Equal(System.Net.HttpStatusCode.OK, mine.StatusCode);
        Assert.Contains("cycle-history", await mine.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhenNoUnitOnThePathHasAHeadOnlyTheHolderIsTold()
    {
        var w = await CycleWorld.CreateAsync(configure: s =>
        {
            foreach (var d in s.Where(d => d.ServiceType == typeof(IUnitHeadDirectory)).ToList()) s.Remove(d);
            s.AddScoped<IUnitHeadDirectory, NoHeads>();
        });
        using var _ = w.App;
        w.Clock.SetUtcNow(VietnamClock.StartOf(w.First.ExpiresOn!.Value.AddDays(-30)).ToUniversalTime());
        await w.App.WithScopeAsync(sp => sp.GetRequiredService<RecertificationScanner>().ScanAsync(w.Clock.Today(), CancellationToken.None));
        var notices = await CycleWorld.EventuallyAsync(w.App, async () => { var rows = await NoticesAsync(w); return rows.Count > 0 ? rows : null; });
        await Task.Delay(500);
        Assert.Single(await NoticesAsync(w));
        Assert.Equal(w.UserId, notices[0].UserId);
    }

    private static Task<List<Notification>> NoticesAsync(CycleWorld w) => w.App.WithScopeAsync(sp =>
        sp.GetRequiredService<ReportingDbContext>().Notifications.AsNoTracking().Where(n => n.Kind.StartsWith("recertification")).ToListAsync());

    private sealed class NoHeads : IUnitHeadDirectory
    {
        public Task<IReadOnlyList<Guid>> UnitsHeadedByAsync(string userId, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<Guid>>([]);
        public Task<IReadOnlyList<string>> HeadsOfPersonAsync(string userId, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<string>>([]);
        public Task<IReadOnlyList<UnitHeadInfo>> GetAllHeadsAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<UnitHeadInfo>>([]);
    }
}
