namespace Training.Courses.Scorm.Runtime;

/// <summary>The error code each edition uses for each kind of refusal (0 = none).</summary>
public sealed record CmiErrors(int Undefined, int ReadOnly, int WriteOnly, int TypeMismatch, int OutOfRange, int Keyword,
    int NoChildren, int NoCount, int NotInitialized, int OutOfOrder, int Dependency, int GetFailure, int SetFailure);
