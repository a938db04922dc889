using Training.Abstractions.Organisation;

namespace Training.Organisation.Roster;

/// <summary>The roster importer behind the cross-module contract (the HR systems API): the caller is a system acting for
/// a unit subtree, so it may touch only plain staff of that subtree.</summary>
internal sealed class RosterSync(RosterImporter importer) : IRosterSync
{
    public async Task<RosterSyncResult> ImportCsvAsync(Stream csv, UnitScope scope, bool createUnits = false, CancellationToken ct = default)
    {
        var result = await importer.ImportAsync(csv, RosterAuthority.ForSubtree(scope), new RosterImportOptions(CreateUnits: createUnits, Source: "api"), ct);
        var errors = result.Errors.Select(e => new RosterSyncError(e.Line, e.Column, e.Message)).ToList();
        if (result.NeedsConfirmation)
            errors.AddRange(result.NewUnits.Select(u => new RosterSyncError(u.Line, "Đơn vị",
                $"Đơn vị «{u.Path}» chưa có trong cơ cấu tổ chức; gửi lại với createUnits=true để tạo." +
                (u.Suggestion is null ? "" : $" Có phải là «{u.Suggestion}»?"))));
        return new RosterSyncResult(result.Succeeded, result.Created, result.Updated, result.Unchanged, result.UnitsCreated, errors)
        {
            NewUnits = result.NewUnits.Select(u => u.Path).ToList(),
        };
    }
}
