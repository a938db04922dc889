using Training.Abstractions.Organisation;

namespace Training.Organisation.Roster;

/// <summary>The roster importer behind the cross-module contract.</summary>
internal sealed class RosterSync(RosterImporter importer) : IRosterSync
{
    public async Task<RosterSyncResult> ImportCsvAsync(Stream csv, UnitScope scope, CancellationToken ct = default)
    {
        var result = await importer.ImportAsync(csv, scope, ct);
        return new RosterSyncResult(result.Succeeded, result.Created, result.Updated, result.Unchanged, result.UnitsCreated,
            result.Errors.Select(e => new RosterSyncError(e.Line, e.Column, e.Message)).ToList());
    }
}
