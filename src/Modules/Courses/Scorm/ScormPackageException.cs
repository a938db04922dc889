namespace Training.Courses.Scorm;

/// <summary>A package refused: <see cref="Exception.Message"/> is the Vietnamese text shown to the trainer, naming
/// the file and the problem.</summary>
public sealed class ScormPackageException(string message) : Exception(message);
