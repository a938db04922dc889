using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Training.Abstractions.Organisation;
using Training.Organisation.Data;
using Training.Platform.Text;

namespace Training.Organisation.Units;

/// <summary>Searches the units of the user's scope by name (diacritics folded with <see cref="VietnameseText.Fold"/>,
/// as the course catalogue does) and by code. The scope's units and their ancestors are read in one narrow query
/// (id, parent, code, name: about 2 MB at 20,000 units) and matched here, because neither provider can fold
/// Vietnamese in SQL. Words may match any level of the path ("phong a truong 1").</summary>
internal sealed class UnitSearch(OrganisationDbContext db, IUserScope scopes) : IUnitSearch
{
    public async Task<UnitSearchResult> SearchAsync(ClaimsPrincipal user, string? query, int page = 1, CancellationToken ct = default)
    {
        var scope = await scopes.GetScopeAsync(user, ct);
        var tree = await UnitLabels.LoadAsync(db, scope, ct);
        if (tree is null) return UnitSearchResult.Empty;
        var words = Words(query);
        var hits = new List<(UnitLabels.Row Row, int Rank, string Label)>();
        foreach (var row in tree.InScope)
        {
            var label = tree.Label(row);
            var rank = Rank(row, label, words);
            if (rank >= 0) hits.Add((row, rank, label));
        }
        page = Math.Clamp(page, 1, Math.Max(1, (hits.Count + UnitSearchLimits.PageSize - 1) / UnitSearchLimits.PageSize));
        var items = hits
            .OrderBy(h => h.Rank).ThenBy(h => h.Row.Depth).ThenBy(h => h.Label, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .ThenBy(h => h.Row.Code, StringComparer.Ordinal)
            .Skip((page - 1) * UnitSearchLimits.PageSize).Take(UnitSearchLimits.PageSize)
            .Select(h => new UnitChoice(h.Row.Id, h.Row.Code, h.Row.Name, h.Label))
            .ToList();
        return new UnitSearchResult(items, page, UnitSearchLimits.PageSize, hits.Count);
    }

    public async Task<UnitChoice?> FindAsync(ClaimsPrincipal user, Guid unitId, CancellationToken ct = default) =>
        (await FindManyAsync(user, [unitId], ct)).FirstOrDefault();

    public async Task<IReadOnlyList<UnitChoice>> FindManyAsync(ClaimsPrincipal user, IReadOnlyCollection<Guid> unitIds, CancellationToken ct = default)
    {
        var scope = await scopes.GetScopeAsync(user, ct);
        var wanted = unitIds.Where(id => scope.Contains(id)).Distinct().ToList();
        if (wanted.Count == 0) return [];
        var units = await db.Units.AsNoTracking().Where(u => wanted.Contains(u.Id)).Select(u => new { u.Id, u.Code, u.Name, u.Path }).ToListAsync(ct);
        var ancestors = units.SelectMany(u => UnitLabels.PathIds(u.Path)).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => ancestors.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var byId = units.ToDictionary(u => u.Id);
        return wanted.Where(byId.ContainsKey).Select(id =>
        {
            var unit = byId[id];
            var label = string.Join(UnitLabels.Separator, UnitLabels.PathIds(unit.Path).Where(names.ContainsKey).Select(a => names[a]));
            return new UnitChoice(unit.Id, unit.Code, unit.Name, label);
        }).ToList();
    }

    /// <summary>The query's words, folded; at most the picker's query length is read.</summary>
    internal static string[] Words(string? query)
    {
        var text = VietnameseText.Clean(query);
        if (text.Length > UnitSearchLimits.QueryLength) text = text[..UnitSearchLimits.QueryLength];
        return VietnameseText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>-1 when some word matches neither the path nor the code; else 0 for the exact code, 1 when every word
    /// is in the unit's own name or code, 2 when some word only matched an ancestor.</summary>
    internal static int Rank(UnitLabels.Row row, string label, string[] words)
    {
        if (words.Length == 0) return 1;
        var code = row.FoldedCode;
        if (words.Length == 1 && string.Equals(words[0], code, StringComparison.Ordinal)) return 0;
        var own = row.FoldedName;
        string? path = null; // folded only when a word is not in the unit's own name or code
        var rank = 1;
        foreach (var w in words)
        {
            if (own.Contains(w, StringComparison.Ordinal) || code.Contains(w, StringComparison.Ordinal)) continue;
            if (!(path ??= VietnameseText.Fold(label)).Contains(w, StringComparison.Ordinal)) return -1;
            rank = 2;
        }
        return rank;
    }
}
