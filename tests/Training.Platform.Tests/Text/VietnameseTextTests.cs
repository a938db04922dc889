using System.Text;
using Training.Platform.Text;

namespace Training.Platform.Tests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("An ninh mạng", "an ninh mang")]
    [InlineData("ĐẶNG Văn Đức", "dang van duc")]
    [InlineData("Bộ luật Hình sự", "bo luat hinh su")]
    public void FoldRemovesDiacriticsAndMapsDToD(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void CleanNormalisesNfdToNfcAndCollapsesSpaces()
    {
        var nfd = "  Nguyễn   Văn\tAn ".Normalize(NormalizationForm.FormD);
        var clean = VietnameseText.Clean(nfd);
        Assert.Equal("Nguyễn Văn An", clean);
        Assert.True(clean.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData(2026, 11, 20, "Ninh Bình, ngày 20 tháng 11 năm 2026")]
    [InlineData(2026, 2, 5, "Ninh Bình, ngày 05 tháng 02 năm 2026")]
    [InlineData(2026, 3, 9, "Ninh Bình, ngày 09 tháng 3 năm 2026")]
    public void PlaceAndDateFollowsAdministrativeStyle(int y, int m, int d, string expected) =>
        Assert.Equal(expected, VietnameseText.PlaceAndDate("Ninh Bình", new DateOnly(y, m, d)));

    [Fact]
    public void SlugIsAsciiAndStable() =>
        Assert.Equal("luat-an-ninh-mang-24-2018-qh14", VietnameseText.Slug("Luật An ninh mạng 24/2018/QH14"));
}
