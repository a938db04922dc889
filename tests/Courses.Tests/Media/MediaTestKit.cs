using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Security;
using Training.Abstractions.Storage;
using Training.Courses.Media.Data;
using Training.Testing;

namespace Training.Courses.Tests.Media;

/// <summary>A trainer (<c>giangvien</c>) owning a published course, signed in as <see cref="Author"/>.</summary>
internal sealed record MediaSetup(TrainingApp App, HttpClient Author, TestCourse Course, string TrainerId) : IDisposable
{
    public static async Task<MediaSetup> ArrangeAsync(IDictionary<string, string?>? settings = null, bool eicarScanner = false,
        TestDatabase database = TestDatabase.Sqlite)
    {
        var app = new TrainingApp(settings: settings, database: database);
        if (eicarScanner) app.WithServices(s => s.AddSingleton<IUploadScanner, EicarTestScanner>());
        var trainer = await app.CreateUserAsync("giangvien", BuiltInRoles.Trainer);
        var course = await app.CreatePublishedCourseAsync(trainer.Id);
        var author = app.CreateBrowser();
        await author.SignInAsync("giangvien");
        return new MediaSetup(app, author, course, trainer.Id);
    }

    public Task<List<MediaItem>> ItemsAsync() =>
        App.WithScopeAsync(sp => sp.GetRequiredService<MediaDbContext>().Items.AsNoTracking().ToListAsync());

    /// <summary>Files the file-system blob store holds for course media, finished or temporary.</summary>
    public IReadOnlyList<string> StoredMediaFiles()
    {
        var root = Path.Combine(App.DataPath, "blobs");
        if (!Directory.Exists(root)) return [];
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.Contains(Path.Combine("courses", "media"), StringComparison.Ordinal) || f.Contains(Path.DirectorySeparatorChar + "tmp" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
    }

    public void Dispose() => App.Dispose();
}
