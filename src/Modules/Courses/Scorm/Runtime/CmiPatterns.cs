namespace Training.Courses.Scorm.Runtime;

/// <summary>Formats of the SCORM data types (RTE 1.2 §3.4.2, 2004 RTE §4.1.1).</summary>
public static class CmiPatterns
{
    public const string Real = @"^-?(\d+(\.\d*)?|\.\d+)$";
    /// <summary>1.2 CMITimespan: HHHH:MM:SS.SS.</summary>
    public const string Timespan12 = @"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$";
    /// <summary>1.2 CMITime: HH:MM:SS.SS.</summary>
    public const string Time12 = @"^\d{2}:\d{2}:\d{2}(\.\d{1,2})?$";
    /// <summary>2004 timeinterval (second, 10,2), ISO 8601 duration: at least one part, a T only before time parts.</summary>
    public const string Interval = @"^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$";
    /// <summary>2004 time (second, 10, 0): ISO 8601 date and time, optional parts from the right.</summary>
    public const string Timestamp = @"^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d{1,2})?)?)?)?)?)?(Z|[+-]\d{2}(:\d{2})?)?$";
    /// <summary>2004 adl.nav.request.</summary>
    public const string NavRequest = @"^(continue|previous|exit|exitAll|abandon|abandonAll|suspendAll|_none_|\{target=[^}]{1,4000}\}(choice|jump))$";
    /// <summary>1.2 CMIIdentifier.</summary>
    public const string Identifier12 = @"^[^\s]{1,255}$";
    /// <summary>2004 long_identifier_type (a URI, 4000 characters).</summary>
    public const string Identifier2004 = @"^[^\s]{1,4000}$";
}
