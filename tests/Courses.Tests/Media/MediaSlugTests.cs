using Training.Courses.Media;

namespace Training.Courses.Tests.Media;

public sealed class MediaSlugTests
{
    [Theory]
    [InlineData("Sơ đồ quy trình", "so-do-quy-trinh")]
    [InlineData("  Điều 8 — Luật An ninh mạng!  ", "dieu-8-luat-an-ninh-mang")]
    [InlineData("Video_giới thiệu.mp4", "video-gioi-thieu-mp4")]
    public void ProposesAReferenceNameFromTheTitle(string title, string slug) => Assert.Equal(slug, MediaSlug.FromTitle(title));

    [Theory]
    [InlineData("so-do-quy-trinh", true)]
    [InlineData("So-do", false)]
    [InlineData("so--do", false)]
    [InlineData("-so-do", false)]
    [InlineData("sơ-đồ", false)]
    [InlineData("", false)]
    public void OnlyLowerCaseAsciiWordsJoinedByHyphensAreValid(string slug, bool valid) => Assert.Equal(valid, MediaSlug.IsValid(slug));
}
