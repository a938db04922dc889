using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Training.Reporting.Coverage;

namespace Training.Reporting.Tests.Coverage;

public sealed class TargetDataCacheTests
{
    [Fact]
    public async Task AgedFiguresAreServedAtOnceWhileABackgroundReloadFetchesNewOnes()
    {
        using var world = await World.CreateAsync(new Dictionary<string, string?> { ["Reporting:CacheSeconds"] = "120" });
        var client = world.App.CreateBrowser();
        await client.SignInAsync("hra");
        var url = $"/hr/plans/targets/{world.Target.Id}";
        async Task<string> PageAsync()
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Trường A1", html);
            return html;
        }

        await PageAsync();
        world.Ledger.Issue(world.Teachers["gva1"].Id, world.Programme, new(2025, 6, 1));
        Assert.DoesNotContain("25,0 %", await PageAsync()); // within CacheSeconds: the data loaded first

        // Aged: the reload (started by this request or by the warmer's tick) is held back, yet the request is answered
        // at once from the previous load.
        var reload = new TaskCompletionSource();
        world.Ledger.Gate = reload.Task;
        world.Clock.Advance(TimeSpan.FromSeconds(121));
        Assert.DoesNotContain("25,0 %", await PageAsync());

        reload.SetResult();
        await world.App.Services.GetRequiredService<TargetDataCache>().RefreshDueAsync(CancellationToken.None);
        Assert.Contains("25,0 %", await PageAsync());

        // Drilling down reuses the per-unit counts computed for Sở A's page (same viewer, same day): Trường A1 is 1 of 2.
        var school = await client.GetAsync($"{url}?unit={world.SchoolA1.Id}");
        Assert.Equal(HttpStatusCode.OK, school.StatusCode);
        Assert.Contains("50,0 %", await school.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithoutCachingEveryRequestSeesTheLedgerAsItIs()
    {
        using var world = await World.CreateAsync();
        var client = world.App.CreateBrowser();
        await client.SignInAsync("hra");
        var url = $"/hr/plans/targets/{world.Target.Id}";
        Assert.DoesNotContain("25,0 %", await client.GetStringAsync(url));

        world.Ledger.Issue(world.Teachers["gva1"].Id, world.Programme, new(2025, 6, 1));

        Assert.Contains("25,0 %", await client.GetStringAsync(url));
    }
}
