namespace Training.Courses.Scorm.Data;

public enum ScormVersion
{
    Scorm12 = 0,
    Scorm2004 = 1,
}

/// <summary>An imported SCORM package. Immutable: a re-import creates a new package, so a published course version
/// keeps playing the package its lesson pointed at when it was published.</summary>
public sealed class ScormPackage
{
    public Guid Id { get; set; }
    public Guid CourseId { get; set; }
    /// <summary>The draft lesson the import created; its Markdown holds the marker naming this package.</summary>
    public Guid LessonId { get; set; }
    public ScormVersion Version { get; set; }
    /// <summary>The manifest's schemaversion as written ("1.2", "2004 3rd Edition", "2004 4th Edition", "CAM 1.3").</summary>
    public string SchemaVersion { get; set; } = "";
    public string Title { get; set; } = "";
    public string FileName { get; set; } = "";
    public long UncompressedBytes { get; set; }
    public int FileCount { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public string ImportedBy { get; set; } = "";
    public List<ScormSco> Items { get; set; } = [];
}

/// <summary>A launchable item of the package's default organisation, in order.</summary>
public sealed class ScormSco
{
    public Guid PackageId { get; set; }
    public int Order { get; set; }
    public string Identifier { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>Path inside the package plus any parameters, e.g. <c>sco1/index.html?lang=vi</c>.</summary>
    public string LaunchUrl { get; set; } = "";
    /// <summary>False for an asset: it does not talk to the runtime, and launching it counts as done.</summary>
    public bool IsSco { get; set; }
    public string? MasteryScore { get; set; }
    public string? LaunchData { get; set; }
}

/// <summary>A file of a package and the blob it is stored under (paths are case-sensitive, blob keys are not).</summary>
public sealed class ScormFile
{
    public Guid PackageId { get; set; }
    public string Path { get; set; } = "";
    public string BlobKey { get; set; } = "";
    public long Length { get; set; }
}

/// <summary>One learner's attempt at one SCO within one run of a course: the CMI data as the runtime left it.</summary>
public sealed class ScormAttempt
{
    public Guid Id { get; set; }
    public Guid EnrolmentId { get; set; }
    public string UserId { get; set; } = "";
    public Guid PackageId { get; set; }
    /// <summary>The published lesson the package was launched from.</summary>
    public Guid LessonId { get; set; }
    public string ScoIdentifier { get; set; } = "";
    public int Number { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>1.2 <c>cmi.core.lesson_status</c> or 2004 <c>cmi.completion_status</c>.</summary>
    public string CompletionStatus { get; set; } = "not attempted";
    /// <summary>2004 <c>cmi.success_status</c>; for 1.2 derived from passed/failed.</summary>
    public string SuccessStatus { get; set; } = "unknown";
    public decimal? ScoreRaw { get; set; }
    public decimal? ScoreMin { get; set; }
    public decimal? ScoreMax { get; set; }
    public decimal? ScoreScaled { get; set; }
    public string Exit { get; set; } = "";
    /// <summary>Time spent in finished sessions, in seconds (what <c>total_time</c> reports).</summary>
    public decimal TotalSeconds { get; set; }
    /// <summary>The current session's time as last reported by the SCO, not yet added to the total.</summary>
    public decimal SessionSeconds { get; set; }
    /// <summary>The session ended with Finish/Terminate.</summary>
    public bool Finished { get; set; }
    public DateTimeOffset? SatisfiedAt { get; set; }
    /// <summary>Every value the SCO set (location, suspend data, interactions, objectives, preferences...), element to
    /// value; the columns above are derived from it for reports and completion.</summary>
    public Dictionary<string, string> Values { get; set; } = [];
}
