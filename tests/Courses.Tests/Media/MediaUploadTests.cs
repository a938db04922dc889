using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Courses.Media.Data;
using Training.Courses.Media;
using Training.Testing;

namespace Training.Courses.Tests.Media;

/// <summary>Uploads into a course's library: accepted files are stored and registered; every bad input is refused
/// with a Vietnamese message naming the file, and nothing is left stored or registered.</summary>
public sealed class MediaUploadTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task AVideoWithCaptionsIsStoredRegisteredUnderItsReferenceNameAndServedBack(TestDatabase database)
    {
        using var s = await MediaSetup.ArrangeAsync(database: database);
        var video = MediaFiles.Mp4(300_000);

        var (response, message) = await s.Author.UploadAsync(s.Course.CourseId, new MediaFiles.Upload("gioi-thieu.mp4", video, Title: "Giới thiệu quy trình", Captions: MediaFiles.Vtt));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("![Giới thiệu quy trình](media:gioi-thieu-quy-trinh)", message);
        var item = Assert.Single(await s.ItemsAsync());
        Assert.Equal(("gioi-thieu-quy-trinh", MediaKind.Video, "video/mp4", 300_000L), (item.Slug, item.Kind, item.ContentType, item.Length));
        Assert.NotNull(item.CaptionsBlobKey);
        var served = await s.Author.GetAsync($"/courses/media/{item.Id}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(video, await served.Content.ReadAsByteArrayAsync());
        var captions = await s.Author.GetAsync($"/courses/media/{item.Id}/captions");
        Assert.Equal(HttpStatusCode.OK, captions.StatusCode);
        Assert.Equal("text/vtt", captions.Content.Headers.ContentType?.MediaType);
        Assert.Equal(MediaFiles.Vtt, await captions.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheLibraryPageListsTheFileWithItsReference()
    {
        using var s = await MediaSetup.ArrangeAsync();
        await s.Author.UploadAsync(s.Course.CourseId, new MediaFiles.Upload("so-do.png", MediaFiles.Png(), Title: "Sơ đồ quy trình"));

        var page = await s.Author.GetAsync($"/authoring/{s.Course.CourseId}/media?added=so-do-quy-trinh");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("media:so-do-quy-trinh", html);
        Assert.Contains("Đã thêm", html);
    }

    public static TheoryData<MediaFiles.Upload, HttpStatusCode, string> BadInputs() => new()
    {
        { new("bai-giang.mp4", MediaFiles.Pdf()), HttpStatusCode.BadRequest, "Nội dung tệp «bai-giang.mp4» là PDF (tài liệu PDF), không khớp với phần mở rộng .mp4 (video)." },
        { new("so-do.png", "<svg onload=alert(1)>"u8.ToArray()), HttpStatusCode.BadRequest, "Nội dung tệp «so-do.png» không phải ảnh hợp lệ: không nhận ra định dạng." },
        { new("trang.html", "<html></html>"u8.ToArray()), HttpStatusCode.BadRequest, "Không nhận tệp «trang.html»: thư viện chỉ nhận ảnh" },
        { new("rong.pdf", []), HttpStatusCode.BadRequest, "Tệp «rong.pdf» rỗng (0 byte)." },
        { new("lon.png", MediaFiles.Png(5000)), HttpStatusCode.RequestEntityTooLarge, "Tệp «lon.png» quá lớn: ảnh tối đa 4 KB." },
        { new("video.mp4", MediaFiles.Mp4(), CaptionsName: "phu-de.vtt", Captions: "1\n00:00:00,000 --> 00:00:02,000\nSRT\n"u8.ToArray()), HttpStatusCode.BadRequest, "Tệp phụ đề không phải WebVTT" },
        { new("video.mp4", MediaFiles.Mp4(), CaptionsName: "phu-de.srt", Captions: MediaFiles.Vtt), HttpStatusCode.BadRequest, "Tệp phụ đề «phu-de.srt» phải là WebVTT (.vtt)." },
        { new("so-do.png", MediaFiles.Png(), CaptionsName: "phu-de.vtt", Captions: MediaFiles.Vtt), HttpStatusCode.BadRequest, "Chỉ video và âm thanh mới có phụ đề." },
        { new("so-do.png", MediaFiles.Png(), Slug: "Sơ Đồ"), HttpStatusCode.BadRequest, "Tên tham chiếu «Sơ Đồ» không hợp lệ" },
        { new("so-do.png", MediaFiles.Png(), Title: new string('a', 201)), HttpStatusCode.BadRequest, "Tên tệp trong thư viện: dài 201 ký tự, vượt giới hạn 200 ký tự." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadInputIsRefusedWithAClearMessageAndNothingIsStored(MediaFiles.Upload upload, HttpStatusCode status, string expected)
    {
        using var s = await MediaSetup.ArrangeAsync(new Dictionary<string, string?> { ["Courses:Media:MaxImageBytes"] = "4096" });

        var (response, message) = await s.Author.UploadAsync(s.Course.CourseId, upload);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(expected, message);
        Assert.Empty(await s.ItemsAsync());
        Assert.Empty(s.StoredMediaFiles());
    }

    [Fact]
    public async Task AnOversizeVideoLeavesNoChunksInTheDatabaseStore()
    {
        using var s = await MediaSetup.ArrangeAsync(new Dictionary<string, string?> { ["Courses:Media:MaxVideoBytes"] = "600000" }, database: TestDatabase.Postgres);
        // Start-up stores blobs of its own in the shared store (the credential signing key), possibly while this test
        // runs: counting all chunks before and after raced with it. Chunks no blob row names are what a failed put leaves.

        var (response, message) = await s.Author.UploadAsync(s.Course.CourseId, new MediaFiles.Upload("dai.mp4", MediaFiles.Mp4(1_000_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Tệp «dai.mp4» quá lớn: video tối đa 585,9 KB.", message);
        Assert.Empty(await s.ItemsAsync());
        Assert.Equal(0, await OrphanChunksAsync(s));
    }

    private static Task<int> OrphanChunksAsync(MediaSetup s) => s.App.WithScopeAsync(sp => sp.GetRequiredService<MediaDbContext>().Database
        .SqlQueryRaw<int>("""
            SELECT COUNT(*)::int AS "Value" FROM platform_blob_chunks c
            WHERE NOT EXISTS (SELECT 1 FROM platform_blobs b WHERE b."VersionId" = c."VersionId")
            """).SingleAsync());

    [Fact]
    public async Task AFileTheScannerRefusesIsDeletedAndNotRegistered()
    {
        using var s = await MediaSetup.ArrangeAsync(eicarScanner: true);
        var infected = MediaFiles.Pdf();
        System.Text.Encoding.ASCII.GetBytes(MediaFiles.Eicar).CopyTo(infected, 100);

        var (response, message) = await s.Author.UploadAsync(s.Course.CourseId, new MediaFiles.Upload("tai-lieu.pdf", infected));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Tệp «tai-lieu.pdf» bị từ chối khi quét: phát hiện mẫu thử EICAR.", message);
        Assert.Empty(await s.ItemsAsync());
        Assert.Empty(s.StoredMediaFiles());
        var (clean, _) = await s.Author.UploadAsync(s.Course.CourseId, new MediaFiles.Upload("tai-lieu.pdf", MediaFiles.Pdf()));
        Assert.Equal(HttpStatusCode.Created, clean.StatusCode);
    }

    [Fact]
    public async Task ATakenReferenceNameIsRefusedAndTheFirstFileKept()
    {
        using var s = await MediaSetup.ArrangeAsync();
        await s.Author.UploadAsync(s.Course.CourseId, new MediaFiles.Upload("so-do.png", MediaFiles.Png(), Slug: "so-do"));

        var (response, message) = await s.Author.UploadAsync(s.Course.CourseId, new MediaFiles.Upload("khac.pdf", MediaFiles.Pdf(), Slug: "so-do"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Tên tham chiếu «so-do» đã có trong thư viện của khóa học: hãy chọn tên khác.", message);
        Assert.Equal("image/png", Assert.Single(await s.ItemsAsync()).ContentType);
    }

    [Fact]
    public async Task AnUploadWithoutTheAntiforgeryHeaderIsRefused()
    {
        using var s = await MediaSetup.ArrangeAsync();

        var (response, _) = await s.Author.UploadAsync(s.Course.CourseId, new MediaFiles.Upload("so-do.png", MediaFiles.Png()), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await s.ItemsAsync());
    }

    [Fact]
    public async Task ATrainerWhoDoesNotOwnTheCourseCannotUploadToIt()
    {
        using var s = await MediaSetup.ArrangeAsync();
        await s.App.CreateUserAsync("giangvien2", Abstractions.Security.BuiltInRoles.Trainer);
        var other = s.App.CreateBrowser();
        await other.SignInAsync("giangvien2");

        var page = await other.GetAsync($"/authoring/{s.Course.CourseId}/media");
        var token = await s.Author.GetTokenAsync($"/authoring/{s.Course.CourseId}/media");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(MediaFiles.Png()), "File", "so-do.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/authoring/{s.Course.CourseId}/media/upload") { Content = form };
        request.Headers.Add("RequestVerificationToken", token);
        var upload = await other.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/access-denied", page.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);
        Assert.Empty(await s.ItemsAsync());
    }
}
