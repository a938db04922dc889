using System.Text.Json.Serialization;
using Training.Courses.Data;
using Training.Courses.Services;

namespace Training.Courses.Api;

public sealed record XapiResult(List<XapiStatementDto> Statements);

public sealed record XapiStatementDto(Guid Id, XapiActor Actor, XapiVerb Verb, XapiObject Object,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] XapiResultPart? Result, DateTimeOffset Timestamp, string Version)
{
    public static XapiStatementDto From(XapiStatement s, string origin) => new(
        s.Id,
        new XapiActor("Agent", s.ActorName, s.ActorEmail is { Length: > 0 } e ? "mailto:" + e : null,
            s.ActorEmail is { Length: > 0 } ? null : new XapiAccount(origin, s.UserId)),
        new XapiVerb(s.Verb, new Dictionary<string, string> { ["en-US"] = XapiVerbs.Display(s.Verb) }),
        new XapiObject("Activity", origin + s.ObjectPath, new XapiDefinition(new Dictionary<string, string> { ["vi-VN"] = s.ObjectName },
            s.ObjectType switch
            {
                "course" => "http://adlnet.gov/expapi/activities/course",
                "lesson" => "http://adlnet.gov/expapi/activities/lesson",
                "assessment" => "http://adlnet.gov/expapi/activities/assessment",
                "video" => "https://w3id.org/xapi/video/activity-type/video",
                _ => "http://adlnet.gov/expapi/activities/meeting",
            })),
        s.ScoreScaled is null && s.Success is null && s.Completion is null ? null
            : new XapiResultPart(s.ScoreScaled is { } sc ? new XapiScore(sc) : null, s.Success, s.Completion),
        s.Timestamp, "1.0.3");
}

public sealed record XapiActor(string ObjectType, string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Mbox,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] XapiAccount? Account);

public sealed record XapiAccount(string HomePage, string Name);

public sealed record XapiVerb(string Id, Dictionary<string, string> Display);

public sealed record XapiObject(string ObjectType, string Id, XapiDefinition Definition);

public sealed record XapiDefinition(Dictionary<string, string> Name, string Type);

public sealed record XapiResultPart(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] XapiScore? Score,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Success,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Completion);

public sealed record XapiScore(decimal Scaled);
