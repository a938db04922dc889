namespace Training.Courses.Media;

/// <summary>What a library item is, which decides how a lesson shows it.</summary>
public enum MediaKind
{
    Image = 0,
    /// <summary>Documents and slides (exported to PDF), shown inline with pdf.js.</summary>
    Pdf = 1,
    Audio = 2,
    Video = 3,
}

/// <summary>A content type recognised from a file's first bytes.</summary>
public sealed record SniffedType(MediaKind Kind, string ContentType, string Label);
