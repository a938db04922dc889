using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Training.Platform.Outbox;

namespace Training.Site.Tests.Hosting;

/// <summary>A first run shows no warnings that look like failures: no "No XML encryptor configured", no EF
/// "row limiting operator without OrderBy".</summary>
public sealed class StartupWarningTests
{
    [Fact]
    public async Task StartingSeedingAndServingTheDemoLogsNoWarning()
    {
        var log = new CapturingLoggerProvider();
        using var app = new TrainingApp(seedDemo: true).WithServices(s => s.AddSingleton<ILoggerProvider>(log));
        var client = app.CreateBrowser();

        await client.SignInAsync("admin");
        foreach (var page in new[] { "/", "/admin", "/hr", "/courses", "/legal", "/learning", "/hr/plans" }) await client.GetAsync(page);
        // Let every outbox drain through its own background dispatcher (calling a dispatcher from here as well would
        // deliver SQLite messages twice at once, which no real node does), then let each loop run its query once more.
        var contexts = Outboxes.OutboxContexts(app).ToList();
        Assert.NotEmpty(contexts);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await PendingAsync(app, contexts) > 0 && DateTime.UtcNow < deadline) await Task.Delay(250);
        Assert.Equal(0, await PendingAsync(app, contexts));
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.True(log.Warnings.IsEmpty, string.Join("\n", log.Warnings));
    }

    private static Task<int> PendingAsync(TrainingApp app, IReadOnlyList<Type> contexts) => app.WithScopeAsync(async sp =>
    {
        var pending = 0;
        foreach (var type in contexts)
            pending += await ((IHasOutbox)sp.GetRequiredService(type)).Outbox.CountAsync(m => m.ProcessedAt == null);
        return pending;
    });

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Warnings);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<string> warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) warnings.Enqueue($"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}");
            }
        }
    }
}
