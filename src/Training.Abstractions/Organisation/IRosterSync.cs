namespace Training.Abstractions.Organisation;

/// <summary>Imports a roster file within a unit scope, all-or-nothing (implemented by the Organisation module,
/// used by the HR systems API).</summary>
public interface IRosterSync
{
    /// <summary>Import a UTF-8 CSV roster (the columns of the roster import page).</summary>
    Task<RosterSyncResult> ImportCsvAsync(Stream csv, UnitScope scope, CancellationToken ct = default);
}

/// <summary>The outcome: counts when it succeeded, otherwise every error by line and column (and nothing changed).</summary>
public sealed record RosterSyncResult(bool Succeeded, int Created, int Updated, int Unchanged, int UnitsCreated, IReadOnlyList<RosterSyncError> Errors);

/// <summary>An error of the file, in Vietnamese, tied to a line (1 = header) and a column.</summary>
public sealed record RosterSyncError(int Line, string Column, string Message);
