using SkiaSharp;

namespace Training.Certification.Pdf;

public enum PageOrientation { Landscape = 0, Portrait = 1 }

public enum BorderStyle { Double = 0, Single = 1, Ornate = 2, None = 3 }

/// <summary>How a programme's certificates look: what a template version fixes for every certificate issued under it.</summary>
public sealed record CertificateLook(
    PageOrientation Orientation,
    string Title,
    BorderStyle Border,
    string PrimaryColour,
    string AccentColour,
    byte[]? LogoPng,
    bool CoursesPage)
{
    public const string DefaultTitle = "GIẤY CHỨNG NHẬN";
    public const string DefaultPrimary = "#B01E23";
    public const string DefaultAccent = "#1F3A68";

    public static readonly CertificateLook Default = new(PageOrientation.Landscape, DefaultTitle, BorderStyle.Double, DefaultPrimary, DefaultAccent, null, false);

    /// <summary>Title and programme name.</summary>
    public SKColor Primary => Parse(PrimaryColour, DefaultPrimary);

    /// <summary>Frame and holder's name.</summary>
    public SKColor Accent => Parse(AccentColour, DefaultAccent);

    private static SKColor Parse(string value, string fallback) => SKColor.TryParse(value, out var c) ? c : SKColor.Parse(fallback);
}
