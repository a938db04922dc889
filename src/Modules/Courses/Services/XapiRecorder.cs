using Training.Abstractions.Organisation;
using Training.Courses.Data;

namespace Training.Courses.Services;

/// <summary>ADL verb ids used by the module.</summary>
public static class XapiVerbs
{
    public const string Registered = "http://adlnet.gov/expapi/verbs/registered";
    public const string Experienced = "http://adlnet.gov/expapi/verbs/experienced";
    public const string Completed = "http://adlnet.gov/expapi/verbs/completed";
    public const string Attempted = "http://adlnet.gov/expapi/verbs/attempted";
    public const string Passed = "http://adlnet.gov/expapi/verbs/passed";
    public const string Failed = "http://adlnet.gov/expapi/verbs/failed";
    public const string Attended = "http://adlnet.gov/expapi/verbs/attended";

    public static string Display(string verb) => verb[(verb.LastIndexOf('/') + 1)..];
}

/// <summary>Adds xAPI statements to the caller's unit of work (saved with the change they describe).</summary>
public sealed class XapiRecorder(CoursesDbContext db, IOrgDirectory directory, TimeProvider clock)
{
    private readonly Dictionary<string, PersonInfo?> _people = new(StringComparer.Ordinal);

    public async Task RecordAsync(string userId, string verb, string objectType, string objectPath, string objectName,
        decimal? scorePercent = null, bool? success = null, bool? completion = null, CancellationToken ct = default)
    {
        if (!_people.TryGetValue(userId, out var person))
        {
            person = await directory.GetPersonAsync(userId, ct);
            _people[userId] = person;
        }
        var statement = Statement(person, verb, objectType, objectPath, objectName, clock.GetUtcNow(), scorePercent, success, completion);
        statement.UserId = userId;
        if (person is null) statement.ActorName = userId;
        db.Statements.Add(statement);
    }

    /// <summary>A statement about <paramref name="person"/> (actor name, e-mail and unit as of now).</summary>
    public static XapiStatement Statement(PersonInfo? person, string verb, string objectType, string objectPath, string objectName,
        DateTimeOffset timestamp, decimal? scorePercent = null, bool? success = null, bool? completion = null) => new()
    {
        Id = Guid.NewGuid(),
        UserId = person?.UserId ?? "",
        ActorName = person?.FullName ?? "",
        ActorEmail = person?.Email,
        UnitId = person?.PrimaryUnitId,
        Verb = verb,
        ObjectType = objectType,
        ObjectPath = objectPath,
        ObjectName = objectName.Length > 300 ? objectName[..300] : objectName,
        ScoreScaled = scorePercent is { } s ? Math.Round(s / 100m, 4) : null,
        Success = success,
        Completion = completion,
        Timestamp = timestamp,
    };
}
