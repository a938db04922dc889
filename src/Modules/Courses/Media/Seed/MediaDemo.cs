using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Training.Abstractions.Storage;
using Training.Courses.Data;
using Training.Courses.Media.Data;
using Training.Courses.Services;

namespace Training.Courses.Media.Seed;

/// <summary>The demo course KN-02 gets a video lesson: a short clip with Vietnamese captions (CC0, made for the project,
/// see LICENSE.md) stored in its library before the course is published, so the lesson's reference resolves.</summary>
internal static class MediaDemo
{
    public const string CourseCode = "KN-02";
    public const string Slug = "gioi-thieu-quy-trinh";
    public const string LessonTitle = "Video: giới thiệu quy trình xử lý vi phạm";

    public static async Task AddVideoLessonAsync(IServiceProvider services, Course course, AuthoringService authoring, string trainer, CancellationToken ct)
    {
        if (course.Code != CourseCode || course.Sections.Count == 0) return;
        var blobs = services.GetRequiredService<IBlobStore>();
        var db = services.GetRequiredService<MediaDbContext>();
        var id = Guid.NewGuid();
        var key = $"courses/media/{course.Id:N}/{id:N}";
        BlobInfo video, captions;
        await using (var clip = Resource("gioi-thieu-quy-trinh.webm")) video = await blobs.PutAsync(key, clip, "video/webm", ct);
        await using (var vtt = Resource("gioi-thieu-quy-trinh.vtt")) captions = await blobs.PutAsync(key + ".vtt", vtt, "text/vtt", ct);
        db.Items.Add(new MediaItem
        {
            Id = id, CourseId = course.Id, Slug = Slug, Title = "Giới thiệu quy trình xử lý vi phạm", Kind = MediaKind.Video,
            ContentType = "video/webm", FileName = "gioi-thieu-quy-trinh.webm", Length = video.Length, Sha256 = video.Sha256, BlobKey = key,
            CaptionsBlobKey = captions.Key, CaptionsSha256 = captions.Sha256, UploadedBy = trainer, UploadedAt = video.StoredAt,
        });
        await db.SaveChangesAsync(ct);
        await services.GetRequiredService<MediaLibrary>().ChangedAsync(course.Id, [id], ct);
        authoring.AddLesson(course, course.Sections[0], LessonTitle,
            $"Video ngắn giới thiệu các bước của quy trình; có phụ đề tiếng Việt.\n\n![Giới thiệu quy trình xử lý vi phạm](media:{Slug})\n\n" +
            "Xem hết video (ít nhất 90 %) thì bài học được ghi nhận là đã hoàn thành.\n");
    }

    private static Stream Resource(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream("courses-media/" + name) ?? throw new InvalidOperationException($"Missing resource {name}.");
}
