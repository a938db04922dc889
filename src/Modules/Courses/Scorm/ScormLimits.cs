namespace Training.Courses.Scorm;

/// <summary>Limits of a SCORM import (<c>Courses:Scorm</c> in configuration). Each is checked before anything is
/// stored, and the uncompressed sizes again while reading, since a zip's own size fields can lie.</summary>
public sealed class ScormLimits
{
    /// <summary>Longest path inside a package and longest launch URL.</summary>
    public const int Path = 1000;

    /// <summary>Longest identifier of an item or resource.</summary>
    public const int Identifier = 255;

    /// <summary>The request ceiling of the upload page; <see cref="MaxUploadBytes"/> refuses earlier with a message.</summary>
    public const long UploadCeiling = 1L << 30;

    public long MaxUploadBytes { get; set; } = 500L * 1024 * 1024;
    public long MaxUncompressedBytes { get; set; } = 1L << 30;
    public long MaxEntryBytes { get; set; } = 512L * 1024 * 1024;
    public int MaxEntries { get; set; } = 20_000;
    /// <summary>Largest uncompressed:compressed ratio of one entry (only checked above 1 MiB uncompressed).</summary>
    public int MaxRatio { get; set; } = 200;
    public int MaxManifestBytes { get; set; } = 4 * 1024 * 1024;
    public int MaxItems { get; set; } = 500;
}
