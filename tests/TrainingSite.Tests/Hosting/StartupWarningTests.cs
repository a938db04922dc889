using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
        // Each outbox dispatcher runs its query once more, now, instead of whenever its loop comes round.
        foreach (var dispatcher in app.Services.GetServices<IHostedService>().Where(s => s.GetType().IsGenericType && s.GetType().GetGenericTypeDefinition() == typeof(OutboxDispatcher<>)))
            await (Task<int>)dispatcher.GetType().GetMethod(nameof(OutboxDispatcher<Training.Courses.Data.CoursesDbContext>.DispatchBatchAsync))!.Invoke(dispatcher, [CancellationToken.None])!;

        Assert.True(log.Warnings.IsEmpty, string.Join("\n", log.Warnings));
    }

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
