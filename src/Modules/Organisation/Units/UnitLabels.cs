using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Organisation.Data;
using Training.Platform.Text;

namespace Training.Organisation.Units;

/// <summary>The units of a scope with their ancestors' names, so each can be labelled with its path.</summary>
internal sealed class UnitLabels
{
    public const string Separator = " › ";

    // Guards the walk up the tree against a cycle in bad data.
    private const int MaxDepth = Training.Abstractions.Text.TextLimits.UnitDepth + 1;

    private readonly Dictionary<Guid, Row> _byId;

    private UnitLabels(List<Row> rows, IReadOnlyList<Row> inScope)
    {
        _byId = rows.ToDictionary(r => r.Id);
        InScope = inScope;
    }

    /// <summary>The units the user may pick.</summary>
    public IReadOnlyList<Row> InScope { get; }

    /// <summary>A unit as read for the search, with its name and code folded once.</summary>
    public sealed record Row(Guid Id, Guid? ParentId, string Code, string Name, int Depth)
    {
        public string FoldedName { get; } = VietnameseText.Fold(Name);
        public string FoldedCode { get; } = VietnameseText.Fold(Code);
    }

    /// <summary>The scope's units and their ancestors, or null when the scope is empty.</summary>
    public static async Task<UnitLabels?> LoadAsync(OrganisationDbContext db, UnitScope scope, CancellationToken ct)
    {
        var units = db.Units.AsNoTracking();
        if (scope.All)
        {
            var all = await Read(units, ct);
            return new UnitLabels(all, all);
        }
        if (scope.RootUnitId is not { } rootId) return null;
        var rootPath = await units.Where(u => u.Id == rootId).Select(u => u.Path).FirstOrDefaultAsync(ct);
        if (rootPath is null) return null;
        var inScope = await Read(units.Where(u => u.Path.StartsWith(rootPath)), ct);
        var above = PathIds(rootPath).Where(id => id != rootId).ToList();
        var ancestors = above.Count == 0 ? [] : await Read(units.Where(u => above.Contains(u.Id)), ct);
        return new UnitLabels([.. inScope, .. ancestors], inScope);
    }

    /// <summary>"Sở › Phòng › Trường": the names from the root down to the unit.</summary>
    public string Label(Row row)
    {
        var names = new List<string>(row.Depth + 1);
        for (Row? r = row; r is not null && names.Count <= MaxDepth; r = r.ParentId is { } p ? _byId.GetValueOrDefault(p) : null)
        {
            names.Add(r.Name);
        }
        names.Reverse();
        return string.Join(Separator, names);
    }

    /// <summary>The ids in a materialised path "/a/b/c/", root first.</summary>
    public static List<Guid> PathIds(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();

    private static Task<List<Row>> Read(IQueryable<OrgUnit> units, CancellationToken ct) =>
        units.Select(u => new Row(u.Id, u.ParentId, u.Code, u.Name, u.Depth)).ToListAsync(ct);
}
