namespace Training.Abstractions.Organisation;

/// <summary>Imports a roster file within a unit scope, all-or-nothing (implemented by the Organisation module,
/// used by the HR systems API).</summary>
public interface IRosterSync
{
    /// <summary>Import a UTF-8 CSV roster (the columns of the roster import page) as a system acting for the scope: it
    /// may create or change only people whose primary unit is in the scope and who hold no right beyond a plain staff
    /// member's. Units the file names that do not exist are created only when <paramref name="createUnits"/> is true;
    /// otherwise the import stops and names them.</summary>
    Task<RosterSyncResult> ImportCsvAsync(Stream csv, UnitScope scope, bool createUnits = false, CancellationToken ct = default);
}

/// <summary>The outcome: counts when it succeeded, otherwise every error by line and column (and nothing changed).</summary>
public sealed record RosterSyncResult(bool Succeeded, int Created, int Updated, int Unchanged, int UnitsCreated, IReadOnlyList<RosterSyncError> Errors)
{
    /// <summary>Paths ("A > B > C") of the units the file names that did not exist: created when the import succeeded,
    /// otherwise what it would create.</summary>
    public IReadOnlyList<string> NewUnits { get; init; } = [];
}

/// <summary>An error of the file, in Vietnamese, tied to a line (1 = header) and a column.</summary>
public sealed record RosterSyncError(int Line, string Column, string Message);
