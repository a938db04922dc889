using Training.Courses.Data;
using Training.Courses.Scorm.Content;
using Training.Courses.Scorm.Data;

namespace Training.Courses.Scorm.Runtime;

/// <summary>What the lesson page shows for a SCORM lesson.</summary>
/// <param name="FrameUrl">The chosen item's launch URL (with the content token), or null when not enrolled.</param>
public sealed record ScormView(ScormPackage Package, IReadOnlyList<ScormItemView> Items, ScormSco? Current, string? FrameUrl, string? CommitUrl);

public sealed record ScormItemView(ScormSco Item, bool Satisfied, string? Status);

/// <summary>Builds the player of a SCORM lesson: the package's items with the learner's status, and a launch of the
/// chosen (or first unfinished) item, which opens or resumes its attempt.</summary>
public sealed class ScormPlayer(ScormRuntime runtime, ScormTokens tokens)
{
    public async Task<ScormView?> BuildAsync(Guid packageId, VersionLesson lesson, Enrolment? enrolment, string? item, CancellationToken ct)
    {
        var package = await runtime.GetPackageAsync(packageId, ct);
        if (package is null) return null;
        package.Items = package.Items.OrderBy(i => i.Order).ToList();
        var attempts = enrolment is null ? [] : await runtime.GetAttemptsAsync(enrolment.Id, lesson.Id, ct);
        var items = package.Items.Select(i =>
        {
            var latest = attempts.Where(a => a.ScoIdentifier == i.Identifier).MaxBy(a => a.Number);
            return new ScormItemView(i, attempts.Any(a => a.ScoIdentifier == i.Identifier && a.SatisfiedAt is not null), latest?.CompletionStatus);
        }).ToList();
        if (enrolment is null) return new ScormView(package, items, null, null, null);
        var current = package.Items.FirstOrDefault(i => i.Identifier == item)
            ?? items.FirstOrDefault(i => !i.Satisfied)?.Item ?? package.Items[0];
        var attempt = await runtime.LaunchAsync(enrolment, lesson, package, current, ct);
        var frame = ScormContentEndpoint.Url(package.Id, tokens.Issue(package.Id, attempt.Id), current.LaunchUrl);
        return new ScormView(package, items, current, frame, ScormRuntimeEndpoint.Url(attempt.Id));
    }
}
