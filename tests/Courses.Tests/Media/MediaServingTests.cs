using System.Net;
using System.Net.Http.Headers;
using Training.Abstractions.Security;
using Training.Testing;

namespace Training.Courses.Tests.Media;

/// <summary>Serving library files: byte ranges with ETag, the recognised type, nosniff; only to the course's authors
/// and enrolled learners.</summary>
public sealed class MediaServingTests
{
    private static async Task<(MediaSetup Setup, Guid Id, byte[] Video)> ArrangeAsync()
    {
        var s = await MediaSetup.ArrangeAsync();
        var video = MediaFiles.Mp4(100_000);
        await s.Author.UploadAsync(s.Course.CourseId, new MediaFiles.Upload("video.mp4", video));
        return (s, Assert.Single(await s.ItemsAsync()).Id, video);
    }

    [Fact]
    public async Task ARangeRequestGetsPartialContentWithContentRangeAndTheRightBytes()
    {
        var (s, id, video) = await ArrangeAsync();
        using var _ = s;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/courses/media/{id}");
        request.Headers.Range = new RangeHeaderValue(50_000, 50_099);

        var response = await s.Author.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("bytes 50000-50099/100000", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(video[50_000..50_100], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("bytes", response.Headers.AcceptRanges);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task AnOpenEndedRangeAndAnUnsatisfiableOneAreAnsweredAsHttpSays()
    {
        var (s, id, video) = await ArrangeAsync();
        using var _ = s;
        using var tail = new HttpRequestMessage(HttpMethod.Get, $"/courses/media/{id}");
        tail.Headers.Range = new RangeHeaderValue(99_990, null);
        using var beyond = new HttpRequestMessage(HttpMethod.Get, $"/courses/media/{id}");
        beyond.Headers.Range = new RangeHeaderValue(200_000, null);

        var tailResponse = await s.Author.SendAsync(tail);
        var beyondResponse = await s.Author.SendAsync(beyond);

        Assert.Equal(HttpStatusCode.PartialContent, tailResponse.StatusCode);
        Assert.Equal(video[99_990..], await tailResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, beyondResponse.StatusCode);
        Assert.Equal("bytes */100000", beyondResponse.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task TheETagAnswersNotModified()
    {
        var (s, id, _) = await ArrangeAsync();
        using var _ = s;
        var first = await s.Author.GetAsync($"/courses/media/{id}");
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/courses/media/{id}");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var response = await s.Author.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task AnonymousUsersAreSentToTheLoginPage()
    {
        var (s, id, _) = await ArrangeAsync();
        using var _ = s;

        var response = await s.App.CreateBrowser().GetAsync($"/courses/media/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task ALearnerOfAnotherCourseIsRefusedAndTheEnrolledLearnerServed()
    {
        var (s, id, _) = await ArrangeAsync();
        using var _ = s;
        var other = await s.App.CreatePublishedCourseAsync(s.TrainerId, code: "KHAC-01");
        await s.App.CreateUserAsync("hocvienkhac", BuiltInRoles.Learner);
        await s.App.CreateUserAsync("hocvien", BuiltInRoles.Learner);
        var outsider = s.App.CreateBrowser();
        await outsider.SignInAsync("hocvienkhac");
        await outsider.EnrolAsync(other.Code);
        var learner = s.App.CreateBrowser();
        await learner.SignInAsync("hocvien");

        var outsiderResponse = await outsider.GetAsync($"/courses/media/{id}");
        var beforeEnrolment = await learner.GetAsync($"/courses/media/{id}");
        await learner.EnrolAsync(s.Course.Code);
        var afterEnrolment = await learner.GetAsync($"/courses/media/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, outsiderResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, beforeEnrolment.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterEnrolment.StatusCode);
    }
}
