using System.Text;
using Training.Courses.Media;

namespace Training.Courses.Tests.Media;

public sealed class WebVttValidatorTests
{
    [Fact]
    public void AcceptsCaptionsWithCuesHoursAndABom()
    {
        Assert.Null(WebVttValidator.Validate(MediaFiles.Vtt));
        Assert.Null(WebVttValidator.Validate(Encoding.UTF8.GetBytes("\uFEFFWEBVTT - Bài 1\r\n\r\n1\r\n01:00:00.000 --> 01:00:02.500 align:start\r\nXin chào\r\n")));
    }

    [Theory]
    [InlineData("", "rỗng")]
    [InlineData("1\n00:00:00,000 --> 00:00:02,000\nSRT, not WebVTT\n", "dòng đầu phải là «WEBVTT»")]
    [InlineData("WEBVTT\n\nNOTE only a note\n", "không có câu phụ đề nào")]
    [InlineData("WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nx\n", "Dòng 3 của tệp phụ đề: thời điểm không đúng dạng")]
    [InlineData("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nx\n\n00:00:05.000 --> 00:00:04.000\ny\n", "Dòng 6 của tệp phụ đề: thời điểm kết thúc phải sau thời điểm bắt đầu")]
    public void RefusesBadCaptionsNamingTheProblemAndLine(string vtt, string expected)
    {
        Assert.Contains(expected, WebVttValidator.Validate(Encoding.UTF8.GetBytes(vtt)));
    }

    [Fact]
    public void RefusesBytesThatAreNotUtf8()
    {
        Assert.Contains("UTF-8", WebVttValidator.Validate([.. "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n"u8.ToArray(), 0xC3, 0x28]));
    }
}
