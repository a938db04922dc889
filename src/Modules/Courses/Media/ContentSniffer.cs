namespace Training.Courses.Media;

/// <summary>Recognises the accepted formats from their first bytes (magic numbers), so a file is judged by what it
/// is, not by its name. Written by hand: the served packages are either unmaintained betas (Mime-Detective 0.0.6-beta5)
/// or failed to restore (Mime), and the list of formats a lesson may show is short and fixed. SVG is not accepted:
/// it can carry script.</summary>
public static class ContentSniffer
{
    /// <summary>Bytes enough to recognise every accepted format.</summary>
    public const int HeaderLength = 64;

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> Ebml => [0x1A, 0x45, 0xDF, 0xA3];

    public static SniffedType? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Png)) return new(MediaKind.Image, "image/png", "PNG");
        if (head.StartsWith(Jpeg)) return new(MediaKind.Image, "image/jpeg", "JPEG");
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return new(MediaKind.Image, "image/gif", "GIF");
        if (Riff(head, "WEBP"u8)) return new(MediaKind.Image, "image/webp", "WebP");
        if (head.StartsWith("%PDF-"u8)) return new(MediaKind.Pdf, "application/pdf", "PDF");
        if (Riff(head, "WAVE"u8)) return new(MediaKind.Audio, "audio/wav", "WAV");
        if (head.StartsWith("OggS"u8)) return new(MediaKind.Audio, "audio/ogg", "Ogg");
        if (head.StartsWith("ID3"u8) || head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE6) == 0xE2) return new(MediaKind.Audio, "audio/mpeg", "MP3");
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            // ISO base media: the major brand says whether it is audio only (M4A) or a video (MP4, QuickTime-compatible).
            var brand = head[8..12];
            return brand.SequenceEqual("M4A "u8) || brand.SequenceEqual("M4B "u8)
                ? new(MediaKind.Audio, "audio/mp4", "M4A")
                : new(MediaKind.Video, "video/mp4", "MP4");
        }
        if (head.StartsWith(Ebml) && head.IndexOf("webm"u8) > 0) return new(MediaKind.Video, "video/webm", "WebM");
        return null;
    }

    /// <summary>The kind a file name promises by its extension, or null for an extension the library does not take.</summary>
    public static MediaKind? KindOfExtension(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".png" or ".jpg" or ".jpeg" or ".gif" or ".webp" => MediaKind.Image,
        ".pdf" => MediaKind.Pdf,
        ".mp3" or ".m4a" or ".wav" or ".ogg" or ".oga" => MediaKind.Audio,
        ".mp4" or ".m4v" or ".webm" => MediaKind.Video,
        _ => null,
    };

    public static string KindName(MediaKind kind) => kind switch
    {
        MediaKind.Image => "ảnh",
        MediaKind.Pdf => "tài liệu PDF",
        MediaKind.Audio => "âm thanh",
        _ => "video",
    };

    private static bool Riff(ReadOnlySpan<byte> head, ReadOnlySpan<byte> form) =>
        head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual(form);
}
