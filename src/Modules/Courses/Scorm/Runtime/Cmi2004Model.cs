using static Training.Courses.Scorm.Runtime.CmiAccess;
using static Training.Courses.Scorm.Runtime.CmiRule;

namespace Training.Courses.Scorm.Runtime;

/// <summary>The SCORM 2004 data model (RTE 4th edition §4.2). Indexes are written <c>n</c>.</summary>
internal static class Cmi2004Model
{
    private static readonly string[] Completion = ["completed", "incomplete", "not attempted", "unknown"];
    private static readonly string[] Success = ["passed", "failed", "unknown"];

    public static readonly IReadOnlyDictionary<string, CmiRule> Rules = new Dictionary<string, CmiRule>
    {
        ["cmi._version"] = Keyword("1.0"),
        ["cmi.comments_from_learner._children"] = Keyword("comment,location,timestamp"),
        ["cmi.comments_from_learner._count"] = Keyword(),
        ["cmi.comments_from_learner.n.comment"] = Text(ReadWrite, 4000),
        ["cmi.comments_from_learner.n.location"] = Text(ReadWrite, 250),
        ["cmi.comments_from_learner.n.timestamp"] = Format(ReadWrite, CmiPatterns.Timestamp),
        ["cmi.comments_from_lms._children"] = Keyword("comment,location,timestamp"),
        ["cmi.comments_from_lms._count"] = Keyword(),
        ["cmi.completion_status"] = Vocab(ReadWrite, Completion) with { Default = "unknown" },
        ["cmi.completion_threshold"] = Ro(),
        ["cmi.credit"] = Ro("credit"),
        ["cmi.entry"] = Ro(""),
        ["cmi.exit"] = Vocab(WriteOnly, "time-out", "suspend", "logout", "normal", ""),
        ["cmi.interactions._children"] = Keyword("id,type,objectives,timestamp,correct_responses,weighting,learner_response,result,latency,description"),
        ["cmi.interactions._count"] = Keyword(),
        ["cmi.interactions.n.id"] = Format(ReadWrite, CmiPatterns.Identifier2004),
        ["cmi.interactions.n.type"] = Vocab(ReadWrite, "true-false", "choice", "fill-in", "long-fill-in", "likert", "matching", "performance", "sequencing", "numeric", "other"),
        ["cmi.interactions.n.objectives._count"] = Keyword(),
        ["cmi.interactions.n.objectives.n.id"] = Format(ReadWrite, CmiPatterns.Identifier2004),
        ["cmi.interactions.n.timestamp"] = Format(ReadWrite, CmiPatterns.Timestamp),
        ["cmi.interactions.n.correct_responses._count"] = Keyword(),
        ["cmi.interactions.n.correct_responses.n.pattern"] = Text(ReadWrite, 4000),
        ["cmi.interactions.n.weighting"] = Real(ReadWrite),
        ["cmi.interactions.n.learner_response"] = Text(ReadWrite, 4000),
        ["cmi.interactions.n.result"] = new(ReadWrite, CmiType.VocabularyOrReal, Vocabulary: ["correct", "incorrect", "unanticipated", "neutral"]),
        ["cmi.interactions.n.latency"] = Format(ReadWrite, CmiPatterns.Interval),
        ["cmi.interactions.n.description"] = Text(ReadWrite, 250),
        ["cmi.launch_data"] = Ro(),
        ["cmi.learner_id"] = Ro(),
        ["cmi.learner_name"] = Ro(),
        ["cmi.learner_preference._children"] = Keyword("audio_level,language,delivery_speed,audio_captioning"),
        ["cmi.learner_preference.audio_level"] = Real(ReadWrite, 0) with { Default = "1" },
        ["cmi.learner_preference.language"] = Text(ReadWrite, 250) with { Default = "" },
        ["cmi.learner_preference.delivery_speed"] = Real(ReadWrite, 0) with { Default = "1" },
        ["cmi.learner_preference.audio_captioning"] = Vocab(ReadWrite, "-1", "0", "1") with { Default = "0" },
        ["cmi.location"] = Text(ReadWrite, 1000),
        ["cmi.max_time_allowed"] = Ro(),
        ["cmi.mode"] = Ro("normal"),
        ["cmi.objectives._children"] = Keyword("id,score,success_status,completion_status,progress_measure,description"),
        ["cmi.objectives._count"] = Keyword(),
        ["cmi.objectives.n.id"] = Format(ReadWrite, CmiPatterns.Identifier2004),
        ["cmi.objectives.n.score._children"] = Keyword("scaled,raw,min,max"),
        ["cmi.objectives.n.score.scaled"] = Real(ReadWrite, -1, 1),
        ["cmi.objectives.n.score.raw"] = Real(ReadWrite),
        ["cmi.objectives.n.score.min"] = Real(ReadWrite),
        ["cmi.objectives.n.score.max"] = Real(ReadWrite),
        ["cmi.objectives.n.success_status"] = Vocab(ReadWrite, Success),
        ["cmi.objectives.n.completion_status"] = Vocab(ReadWrite, Completion),
        ["cmi.objectives.n.progress_measure"] = Real(ReadWrite, 0, 1),
        ["cmi.objectives.n.description"] = Text(ReadWrite, 250),
        ["cmi.progress_measure"] = Real(ReadWrite, 0, 1),
        ["cmi.scaled_passing_score"] = Ro(),
        ["cmi.score._children"] = Keyword("scaled,raw,min,max"),
        ["cmi.score.scaled"] = Real(ReadWrite, -1, 1),
        ["cmi.score.raw"] = Real(ReadWrite),
        ["cmi.score.min"] = Real(ReadWrite),
        ["cmi.score.max"] = Real(ReadWrite),
        ["cmi.session_time"] = Format(WriteOnly, CmiPatterns.Interval),
        ["cmi.success_status"] = Vocab(ReadWrite, Success) with { Default = "unknown" },
        ["cmi.suspend_data"] = Text(ReadWrite, 64000),
        ["cmi.time_limit_action"] = Ro("continue,no message"),
        ["cmi.total_time"] = Ro("PT0S"),
        ["adl.nav.request"] = Format(ReadWrite, CmiPatterns.NavRequest) with { Default = "_none_" },
        ["adl.nav.request_valid.continue"] = Ro("unknown"),
        ["adl.nav.request_valid.previous"] = Ro("unknown"),
    };

    /// <summary>Error codes of RTE 2004 §3.1.7.</summary>
    public static readonly CmiErrors Errors = new(Undefined: 401, ReadOnly: 404, WriteOnly: 405, TypeMismatch: 406, OutOfRange: 407,
        Keyword: 404, NoChildren: 301, NoCount: 301, NotInitialized: 403, OutOfOrder: 351, Dependency: 408, GetFailure: 301, SetFailure: 351);
}
