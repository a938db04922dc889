using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Training.Abstractions.Cluster;
using Training.Reporting.Data;
using Training.Reporting.Heads;

namespace Training.Reporting.Tests.Heads;

/// <summary>A fresh site (demo data, digest and deadline jobs on, SMTP configured) mails nobody when it starts: the
/// weekly digest waits for its slot and the deadline notices for their window.</summary>
public sealed class StartupMailTests
{
    [Fact]
    public async Task AFreshDemoSiteMailsNobodyAtStartUpAndTheDigestGoesAtTheNextSlot()
    {
        using var smtp = new FakeSmtp();
        // Tuesday 24/11/2026 10:00 in Vietnam: this week's slot (Monday 07:00) passed before the site ever ran.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
        using var app = new TrainingApp(seedDemo: true, settings: smtp.Settings(new Dictionary<string, string?>
        {
            ["Reporting:Digest:Enabled"] = "true", ["Reporting:Deadlines:Enabled"] = "true",
            // The reminder scan and the recertification scan are other jobs: on the demo data they have due work at
            // start (overdue assignments, recertification windows that opened), which is what they are for.
            ["Reminders:Enabled"] = "false", ["Certification:Recertification:Enabled"] = "false",
        }));
        app.WithServices(s => s.AddSingleton<TimeProvider>(clock));
        _ = app.Services;

        // The digest job has run once it recorded its slot; give the deadline job the same time, then let the outbox drain.
        for (var i = 0; i < 600 && await app.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().JobSlots.CountAsync()) == 0; i++)
            await Task.Delay(100);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await WaitUntilOutboxDrainedAsync(app);

        Assert.Equal(1, await app.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().JobSlots.CountAsync()));
        Assert.Equal(0, await app.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().Notifications
            .CountAsync(n => n.Kind == "head-digest" || n.Kind == "hr-digest" || n.Kind == "plan-report")));
        Assert.True(smtp.Count == 0, "Mailed at start-up: " + string.Join("; ", smtp.Messages.Select(m => m.Subject).Distinct().Take(10)));

        // At the next slot the demo's heads and HR do get their digests: the start-up run was quiet because nothing was due.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)); // Monday 30/11 07:00
        // (The job's own timer may fire on the clock change and send first; running it here as well sends nothing twice.)
        await app.Services.GetServices<ISingletonJob>().OfType<DigestJob>().Single().RunOnceAsync();
        Assert.True(await app.WithScopeAsync(sp => sp.GetRequiredService<ReportingDbContext>().Notifications.CountAsync(n => n.Kind == "head-digest")) > 0);
    }

    private static Task WaitUntilOutboxDrainedAsync(TrainingApp app) => app.DrainOutboxesAsync(TimeSpan.FromSeconds(30), typeof(ReportingDbContext));
}
