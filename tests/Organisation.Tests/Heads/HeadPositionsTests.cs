using Training.Organisation.Heads;

namespace Training.Organisation.Tests.Heads;

public sealed class HeadPositionsTests
{
    [Theory]
    [InlineData("Hiệu trưởng", true)]
    [InlineData("hiệu trưởng", true)]
    [InlineData("Trưởng phòng Tổ chức cán bộ", true)]
    [InlineData("Giám đốc Sở", true)]
    [InlineData("Phó Hiệu trưởng", false)]
    [InlineData("Tổ trưởng chuyên môn", false)]
    [InlineData("Trưởng phòngX", false)]
    [InlineData("Giáo viên", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void PositionMarksAHeadOnlyWhenItStartsWithAHeadTitle(string? position, bool expected) =>
        Assert.Equal(expected, new HeadPositions().IsHead(position));

    [Fact]
    public void DecomposedTextMatchesLikeComposed() =>
        Assert.True(new HeadPositions().IsHead("Hiệu trưởng".Normalize(System.Text.NormalizationForm.FormD)));

    [Fact]
    public void ConfiguredTitlesReplaceTheDefaults()
    {
        var positions = new HeadPositions { Positions = ["Trưởng khoa"] };
        Assert.True(positions.IsHead("Trưởng khoa Luật"));
        Assert.False(positions.IsHead("Hiệu trưởng"));
    }
}
