using Training.Courses.Scorm.Data;

namespace Training.Courses.Scorm.Manifest;

/// <summary>What the import needs from <c>imsmanifest.xml</c>: the edition and the launchable items of the default
/// organisation, in order, each with its launch path checked to lie inside the package.</summary>
public sealed record ParsedManifest(ScormVersion Version, string SchemaVersion, string Title, IReadOnlyList<ParsedItem> Items);

/// <param name="LaunchPath">Normalised path of the launch file inside the package (no parameters).</param>
/// <param name="Parameters">Query string to append, with its <c>?</c>, or empty.</param>
public sealed record ParsedItem(string Identifier, string Title, string LaunchPath, string Parameters, bool IsSco,
    string? MasteryScore, string? LaunchData)
{
    public string LaunchUrl => LaunchPath + Parameters;
}
