using System.Text;
using Training.Courses.Media;

namespace Training.Courses.Tests.Media;

public sealed class ContentSnifferTests
{
    public static TheoryData<byte[], string, MediaKind> Recognised() => new()
    {
        { MediaFiles.Png(), "image/png", MediaKind.Image },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, .. "JFIF"u8.ToArray()], "image/jpeg", MediaKind.Image },
        { "GIF89a\x01\0"u8.ToArray(), "image/gif", MediaKind.Image },
        { [.. "RIFF"u8.ToArray(), 0x24, 0, 0, 0, .. "WEBPVP8 "u8.ToArray()], "image/webp", MediaKind.Image },
        { MediaFiles.Pdf(), "application/pdf", MediaKind.Pdf },
        { [.. "RIFF"u8.ToArray(), 0x24, 0, 0, 0, .. "WAVEfmt "u8.ToArray()], "audio/wav", MediaKind.Audio },
        { "OggS\0\x02"u8.ToArray(), "audio/ogg", MediaKind.Audio },
        { "ID3\x04\0\0"u8.ToArray(), "audio/mpeg", MediaKind.Audio },
        { [0xFF, 0xFB, 0x90, 0x44], "audio/mpeg", MediaKind.Audio },
        { [0, 0, 0, 0x20, .. "ftypM4A "u8.ToArray()], "audio/mp4", MediaKind.Audio },
        { MediaFiles.Mp4(), "video/mp4", MediaKind.Video },
        { [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, .. "webm"u8.ToArray()], "video/webm", MediaKind.Video },
    };

    [Theory]
    [MemberData(nameof(Recognised))]
    public void RecognisesEachAcceptedFormatFromItsFirstBytes(byte[] head, string contentType, MediaKind kind)
    {
        var sniffed = ContentSniffer.Sniff(head);

        Assert.NotNull(sniffed);
        Assert.Equal(contentType, sniffed.ContentType);
        Assert.Equal(kind, sniffed.Kind);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<html><body>video.mp4</body></html>")]
    [InlineData("MZ\x90\0\x03\0\0\0")]
    [InlineData("PK\x03\x04 zip archive")]
    [InlineData("WEBVTT\n\n00:00.000 --> 00:01.000\nx")]
    public void RefusesWhatIsNotAnAcceptedFormatWhateverItsName(string content)
    {
        Assert.Null(ContentSniffer.Sniff(Encoding.Latin1.GetBytes(content)));
    }

    [Fact]
    public void MatroskaThatIsNotWebMIsNotTakenForWebM()
    {
        Assert.Null(ContentSniffer.Sniff([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x88, .. "matroska"u8.ToArray()]));
    }

    [Theory]
    [InlineData("so-do.PNG", MediaKind.Image)]
    [InlineData("bai-giang.pdf", MediaKind.Pdf)]
    [InlineData("gioi-thieu.webm", MediaKind.Video)]
    [InlineData("ghi-am.m4a", MediaKind.Audio)]
    public void TheExtensionPromisesAKind(string name, MediaKind kind) => Assert.Equal(kind, ContentSniffer.KindOfExtension(name));

    [Theory]
    [InlineData("so-do.svg")]
    [InlineData("trang.html")]
    [InlineData("khong-duoi")]
    public void ExtensionsTheLibraryDoesNotTakeHaveNoKind(string name) => Assert.Null(ContentSniffer.KindOfExtension(name));

    [Fact]
    public void TheDemoClipShippedWithTheModuleIsRecognisedAsWebM()
    {
        using var clip = typeof(Permissions).Assembly.GetManifestResourceStream("courses-media/gioi-thieu-quy-trinh.webm")!;
        var head = new byte[ContentSniffer.HeaderLength];
        clip.ReadExactly(head);

        Assert.Equal("video/webm", ContentSniffer.Sniff(head)?.ContentType);
    }
}
