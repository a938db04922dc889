using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Training.Abstractions.Cluster;
using Training.Courses.Data;

namespace Training.Courses.Services;

public sealed record CatalogItem(Guid CourseId, Guid VersionId, int Version, string Code, string Title, string Summary, string Category,
    string Audience, decimal EstimatedHours, int LessonCount, int QuestionCount, int PassingPercent, string SearchText);

public sealed record OutlineLesson(Guid Id, int Number, int SectionOrder, string SectionTitle, string Title, int SectionQuizCount = 0);

/// <summary>Published courses, read-mostly: the catalogue is cached until the next publication;
/// versions and lessons are immutable, so they are cached by id. A publication on any node drops the catalogue on every
/// node through <see cref="IClusterEvents"/>.</summary>
public sealed class CourseCatalog : IDisposable
{
    private const string Channel = "courses-catalogue";
    private const string CatalogueKey = "courses:catalogue";
    private readonly IServiceScopeFactory scopes;
    private readonly IMemoryCache cache;
    private readonly IClusterEvents _events;
    private readonly IDisposable _subscription;
    private CancellationTokenSource _catalogueChanged = new();

    public CourseCatalog(IServiceScopeFactory scopes, IMemoryCache cache, IClusterEvents events)
    {
        this.scopes = scopes;
        this.cache = cache;
        _events = events;
        _subscription = events.Subscribe(Channel, (_, _) =>
        {
            DropCatalogue();
            return Task.CompletedTask;
        });
    }

    /// <summary>Drops the catalogue on every node; call after the publication is committed.</summary>
    public Task InvalidateAsync(CancellationToken ct = default)
    {
        // This node at once (its own subscribers also get the message, but a page rendered right after the publication
        // must not race the delivery).
        DropCatalogue();
        return _events.PublishAsync(Channel, "published", ct);
    }

    private void DropCatalogue()
    {
        var old = Interlocked.Exchange(ref _catalogueChanged, new CancellationTokenSource());
        old.Cancel();
        old.Dispose();
    }

    public void Dispose() => _subscription.Dispose();

    public async Task<IReadOnlyList<CatalogItem>> GetPublishedAsync(CancellationToken ct = default)
    {
        if (cache.TryGetValue(CatalogueKey, out IReadOnlyList<CatalogItem>? items) && items is not null) return items;
        var token = _catalogueChanged.Token;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoursesDbContext>();
        var rows = await db.Courses.AsNoTracking()
            .Where(c => c.Status == CourseStatus.Published && c.PublishedVersionId != null)
            .Join(db.Versions.AsNoTracking(), c => c.PublishedVersionId, v => v.Id, (c, v) => v)
            .ToListAsync(ct);
        items = rows.OrderBy(v => v.Title, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
            .Select(v => new CatalogItem(v.CourseId, v.Id, v.Version, v.Code, v.Title, v.Summary, v.Category, v.Audience, v.EstimatedHours,
                v.LessonCount, v.QuestionCount, v.PassingPercent,
                Training.Platform.Text.VietnameseText.Fold($"{v.Code} {v.Title} {v.Summary}")))
            .ToList();
        cache.Set(CatalogueKey, items, new MemoryCacheEntryOptions { Size = 1000 }.AddExpirationToken(new CancellationChangeToken(token)));
        return items;
    }

    public async Task<CatalogItem?> FindByCodeAsync(string code, CancellationToken ct = default) =>
        (await GetPublishedAsync(ct)).FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    public Task<CourseVersion?> GetVersionAsync(Guid versionId, CancellationToken ct = default) =>
        GetOrLoadAsync($"courses:v:{versionId}", db => db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct));

    public async Task<IReadOnlyList<OutlineLesson>> GetOutlineAsync(Guid versionId, CancellationToken ct = default) =>
        await GetOrLoadAsync<IReadOnlyList<OutlineLesson>>($"courses:o:{versionId}", async db =>
            await db.VersionLessons.AsNoTracking().Where(l => l.VersionId == versionId).OrderBy(l => l.Number)
                .Select(l => new OutlineLesson(l.Id, l.Number, l.SectionOrder, l.SectionTitle, l.Title, l.SectionQuizCount)).ToListAsync(ct)) ?? [];

    public Task<VersionLesson?> GetLessonAsync(Guid lessonId, CancellationToken ct = default) =>
        GetOrLoadAsync($"courses:l:{lessonId}", db => db.VersionLessons.AsNoTracking().FirstOrDefaultAsync(l => l.Id == lessonId, ct));

    public async Task<IReadOnlyDictionary<Guid, VersionQuestion>> GetQuestionsAsync(Guid versionId, CancellationToken ct = default) =>
        await GetOrLoadAsync<IReadOnlyDictionary<Guid, VersionQuestion>>($"courses:q:{versionId}", async db =>
            await db.VersionQuestions.AsNoTracking().Where(q => q.VersionId == versionId).ToDictionaryAsync(q => q.Id, ct))
        ?? new Dictionary<Guid, VersionQuestion>();

    private async Task<T?> GetOrLoadAsync<T>(string key, Func<CoursesDbContext, Task<T?>> load) where T : class
    {
        if (cache.TryGetValue(key, out T? value) && value is not null) return value;
        using var scope = scopes.CreateScope();
        value = await load(scope.ServiceProvider.GetRequiredService<CoursesDbContext>());
        if (value is not null) cache.Set(key, value, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30), Size = 10 });
        return value;
    }
}
