using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Training.Abstractions.Organisation;

/// <summary>What a page model does for its unit picker: build the field (chosen unit, optional no-script matches) and
/// tell a "Tìm đơn vị" post or query apart from a real submit.</summary>
public static class UnitPickerPages
{
    /// <summary>The field for the partial. <paramref name="selected"/> outside the user's scope is shown as not chosen;
    /// <paramref name="searching"/> runs the query for the no-script select. The label is set by the view.</summary>
    public static async Task<UnitPickerField> PickerAsync(this IUnitSearch search, ClaimsPrincipal user, string name, string id,
        Guid? selected, string? query, bool searching, bool required = true, string? error = null, CancellationToken ct = default)
    {
        var chosen = selected is { } unitId ? await search.FindAsync(user, unitId, ct) : null;
        var matches = searching ? await search.SearchAsync(user, query, 1, ct) : null;
        return new UnitPickerField(name, id, "", chosen, query, matches, required, Error: error);
    }

    /// <summary>True when the request is the picker's no-script search (its button's name is in the form or the query);
    /// with <paramref name="field"/>, only when that field's button was pressed (a page with two pickers).</summary>
    public static bool IsUnitSearch(this HttpRequest request, string? field = null)
    {
        var value = request.Query.TryGetValue(UnitPickerField.SearchButton, out var q) ? q.ToString()
            : request.HasFormContentType && request.Form.TryGetValue(UnitPickerField.SearchButton, out var f) ? f.ToString() : null;
        return value is not null && (field is null || string.Equals(value, field, StringComparison.Ordinal));
    }
}
