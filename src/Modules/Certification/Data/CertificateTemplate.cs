using Training.Certification.Pdf;

namespace Training.Certification.Data;

/// <summary>One version of a programme's certificate template. Versions are never changed: saving a different look adds a
/// version and points the programme at it, so certificates already issued keep the look they were issued with.</summary>
public sealed class CertificateTemplate
{
    public Guid Id { get; set; }
    public Guid ProgrammeId { get; set; }
    public int Version { get; set; }
    public PageOrientation Orientation { get; set; }
    public string Title { get; set; } = CertificateLook.DefaultTitle;
    /// <summary>The sentence above the programme name, e.g. "Đã hoàn thành chương trình bồi dưỡng".</summary>
    public string Wording { get; set; } = "";
    public BorderStyle Border { get; set; }
    /// <summary>#RRGGBB of the title and the programme name.</summary>
    public string PrimaryColour { get; set; } = CertificateLook.DefaultPrimary;
    /// <summary>#RRGGBB of the frame and the holder's name.</summary>
    public string AccentColour { get; set; } = CertificateLook.DefaultAccent;
    public byte[]? LogoPng { get; set; }
    /// <summary>Print a second page listing the courses with their hours and results.</summary>
    public bool CoursesPage { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    public CertificateLook Look => new(Orientation, Title, Border, PrimaryColour, AccentColour, LogoPng, CoursesPage);

    /// <summary>True when <paramref name="other"/> would print the same certificates.</summary>
    public bool SameLook(CertificateTemplate other) =>
        Orientation == other.Orientation && Title == other.Title && Wording == other.Wording && Border == other.Border
        && PrimaryColour == other.PrimaryColour && AccentColour == other.AccentColour && CoursesPage == other.CoursesPage
        && (LogoPng ?? []).AsSpan().SequenceEqual(other.LogoPng ?? []);
}
