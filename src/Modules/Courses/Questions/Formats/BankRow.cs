using Training.Courses.Services;

namespace Training.Courses.Questions.Formats;

/// <summary>A question read from a bank file and the line (or spreadsheet row) it starts on, for error messages.</summary>
public sealed record BankRow(int Line, QuestionRow? Row, string? Error = null);
