namespace Training.Organisation.Roster;

/// <summary>One validated line of a roster file. <see cref="UnitPath"/> lists unit names from the root down.</summary>
public sealed record RosterRow(
    int Line,
    string StaffCode,
    string FullName,
    string? Email,
    IReadOnlyList<string> UnitPath,
    IReadOnlyList<IReadOnlyList<string>> ExtraUnitPaths,
    string? Position,
    string? StaffCategory);

/// <summary>An error tied to a line (1 = header) and a column, in Vietnamese.</summary>
public sealed record RosterError(int Line, string Column, string Message)
{
    public override string ToString() => Line > 0 ? $"Dòng {Line}, cột «{Column}»: {Message}" : $"{Column}: {Message}";
}

/// <summary>What an import did, or would have done.</summary>
public sealed record RosterImportResult(
    IReadOnlyList<RosterError> Errors, int Created, int Updated, int Unchanged, int UnitsCreated)
{
    public bool Succeeded => Errors.Count == 0;
}
