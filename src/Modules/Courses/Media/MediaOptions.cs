namespace Training.Courses.Media;

/// <summary>Upload limits, from the <c>Courses:Media</c> configuration section (bytes).</summary>
public sealed class MediaOptions
{
    public const string Section = "Courses:Media";

    public long MaxImageBytes { get; set; } = 10L * 1024 * 1024;
    public long MaxPdfBytes { get; set; } = 50L * 1024 * 1024;
    public long MaxAudioBytes { get; set; } = 100L * 1024 * 1024;
    public long MaxVideoBytes { get; set; } = 500L * 1024 * 1024;
    public long MaxCaptionsBytes { get; set; } = 1024 * 1024;

    public long MaxBytes(MediaKind kind) => kind switch
    {
        MediaKind.Image => MaxImageBytes,
        MediaKind.Pdf => MaxPdfBytes,
        MediaKind.Audio => MaxAudioBytes,
        _ => MaxVideoBytes,
    };

    /// <summary>The largest request an upload may be: the largest file, its captions and the form fields.</summary>
    public long MaxRequestBytes => Math.Max(Math.Max(MaxImageBytes, MaxPdfBytes), Math.Max(MaxAudioBytes, MaxVideoBytes)) + MaxCaptionsBytes + 64 * 1024;

    /// <summary>A size as Vietnamese messages write it (decimal comma), whatever the request's culture.</summary>
    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.# MB", Vietnamese)
        : (bytes / 1024.0).ToString("0.# KB", Vietnamese);

    private static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
}
