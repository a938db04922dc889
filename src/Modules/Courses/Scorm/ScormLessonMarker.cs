using System.Text.RegularExpressions;

namespace Training.Courses.Scorm;

/// <summary>A SCORM lesson is an ordinary lesson whose Markdown starts with <c>@scorm {packageId}</c>. Publication
/// copies the Markdown into the version, so each published version keeps the package it was published with, and
/// no column of the shared lesson tables had to change.</summary>
public static partial class ScormLessonMarker
{
    public static string Format(Guid packageId, string description) =>
        $"@scorm {packageId:D}\n\n{description}".TrimEnd() + "\n";

    public static Guid? Find(string? markdown) =>
        markdown is not null && Marker().Match(markdown) is { Success: true } m ? Guid.Parse(m.Groups[1].Value) : null;

    [GeneratedRegex(@"\A@scorm ([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})[ \t]*(?:\r?\n|\z)")]
    private static partial Regex Marker();
}
