using static Training.Courses.Scorm.Runtime.CmiAccess;
using static Training.Courses.Scorm.Runtime.CmiRule;

namespace Training.Courses.Scorm.Runtime;

/// <summary>The SCORM 1.2 data model (RTE 1.2 §3.4). Indexes are written <c>n</c>.</summary>
internal static class Cmi12Model
{
    private static readonly string[] Status = ["passed", "completed", "failed", "incomplete", "browsed"];

    public static readonly IReadOnlyDictionary<string, CmiRule> Rules = new Dictionary<string, CmiRule>
    {
        ["cmi._children"] = Keyword("core,suspend_data,launch_data,comments,objectives,student_data,student_preference,interactions"),
        ["cmi._version"] = Keyword("3.4"),
        ["cmi.core._children"] = Keyword("student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time"),
        ["cmi.core.student_id"] = Ro(),
        ["cmi.core.student_name"] = Ro(),
        ["cmi.core.lesson_location"] = Text(ReadWrite, 255),
        ["cmi.core.credit"] = Ro("credit"),
        // "not attempted" is what the LMS reports before anything happened; a SCO may not set it (RTE 1.2 §3.4.4).
        ["cmi.core.lesson_status"] = Vocab(ReadWrite, Status) with { Default = "not attempted" },
        ["cmi.core.entry"] = Ro(""),
        ["cmi.core.score._children"] = Keyword("raw,min,max"),
        ["cmi.core.score.raw"] = Real(ReadWrite, 0, 100, blank: true),
        ["cmi.core.score.min"] = Real(ReadWrite, 0, 100, blank: true),
        ["cmi.core.score.max"] = Real(ReadWrite, 0, 100, blank: true),
        ["cmi.core.total_time"] = Ro("0000:00:00.00"),
        ["cmi.core.lesson_mode"] = Ro("normal"),
        ["cmi.core.exit"] = Vocab(WriteOnly, "time-out", "suspend", "logout", ""),
        ["cmi.core.session_time"] = Format(WriteOnly, CmiPatterns.Timespan12),
        ["cmi.suspend_data"] = Text(ReadWrite, 4096),
        ["cmi.launch_data"] = Ro(""),
        ["cmi.comments"] = Text(ReadWrite, 4096),
        ["cmi.comments_from_lms"] = Ro(""),
        ["cmi.objectives._children"] = Keyword("id,score,status"),
        ["cmi.objectives._count"] = Keyword(),
        ["cmi.objectives.n.id"] = Format(ReadWrite, CmiPatterns.Identifier12),
        ["cmi.objectives.n.score._children"] = Keyword("raw,min,max"),
        ["cmi.objectives.n.score.raw"] = Real(ReadWrite, 0, 100, blank: true),
        ["cmi.objectives.n.score.min"] = Real(ReadWrite, 0, 100, blank: true),
        ["cmi.objectives.n.score.max"] = Real(ReadWrite, 0, 100, blank: true),
        ["cmi.objectives.n.status"] = Vocab(ReadWrite, [.. Status, "not attempted"]),
        ["cmi.student_data._children"] = Keyword("mastery_score,max_time_allowed,time_limit_action"),
        ["cmi.student_data.mastery_score"] = Ro(""),
        ["cmi.student_data.max_time_allowed"] = Ro(""),
        ["cmi.student_data.time_limit_action"] = Ro(""),
        ["cmi.student_preference._children"] = Keyword("audio,language,speed,text"),
        ["cmi.student_preference.audio"] = Real(ReadWrite, -1, 100) with { Default = "0" },
        ["cmi.student_preference.language"] = Text(ReadWrite, 255) with { Default = "" },
        ["cmi.student_preference.speed"] = Real(ReadWrite, -100, 100) with { Default = "0" },
        ["cmi.student_preference.text"] = Real(ReadWrite, -1, 1) with { Default = "0" },
        ["cmi.interactions._children"] = Keyword("id,objectives,time,type,correct_responses,weighting,student_response,result,latency"),
        ["cmi.interactions._count"] = Keyword(),
        ["cmi.interactions.n.id"] = Format(WriteOnly, CmiPatterns.Identifier12),
        ["cmi.interactions.n.objectives._count"] = Keyword(),
        ["cmi.interactions.n.objectives.n.id"] = Format(WriteOnly, CmiPatterns.Identifier12),
        ["cmi.interactions.n.time"] = Format(WriteOnly, CmiPatterns.Time12),
        ["cmi.interactions.n.type"] = Vocab(WriteOnly, "true-false", "choice", "fill-in", "matching", "performance", "sequencing", "likert", "numeric"),
        ["cmi.interactions.n.correct_responses._count"] = Keyword(),
        ["cmi.interactions.n.correct_responses.n.pattern"] = Text(WriteOnly, 255),
        ["cmi.interactions.n.weighting"] = Real(WriteOnly),
        ["cmi.interactions.n.student_response"] = Text(WriteOnly, 255),
        ["cmi.interactions.n.result"] = new(WriteOnly, CmiType.VocabularyOrReal, Vocabulary: ["correct", "wrong", "unanticipated", "neutral"]),
        ["cmi.interactions.n.latency"] = Format(WriteOnly, CmiPatterns.Timespan12),
    };

    /// <summary>Error codes of RTE 1.2 §3.3.2.</summary>
    public static readonly CmiErrors Errors = new(Undefined: 401, ReadOnly: 403, WriteOnly: 404, TypeMismatch: 405, OutOfRange: 405,
        Keyword: 402, NoChildren: 202, NoCount: 203, NotInitialized: 0, OutOfOrder: 201, Dependency: 201, GetFailure: 201, SetFailure: 101);
}
