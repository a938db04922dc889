namespace Training.Abstractions.Organisation;

/// <summary>What the shared partial <c>_UnitPicker</c> (theme, Pages/Shared) renders: one unit field that is a search box
/// with a suggestion list when script runs, and without script a "Tìm đơn vị" submit whose matches come back in a
/// server-rendered select. Only the chosen unit and one page of matches are ever in the HTML, never the whole tree.</summary>
/// <param name="Name">Form name of the posted unit id ("PrimaryUnitId", "Input.UnitId").</param>
/// <param name="Id">Element id of the select that holds the value; the search box is "{Id}-q".</param>
/// <param name="Label">Visible label, already localised.</param>
/// <param name="Selected">The unit chosen now (kept across a failed post), or null.</param>
/// <param name="Query">The text of the no-script search, echoed back.</param>
/// <param name="Matches">The no-script search's matches, or null when nothing was searched.</param>
/// <param name="Required">False adds an empty choice ("every unit" on filters).</param>
/// <param name="EmptyText">Text of the empty choice, localised.</param>
/// <param name="Error">A field error to show under the field, localised.</param>
public sealed record UnitPickerField(
    string Name,
    string Id,
    string Label,
    UnitChoice? Selected,
    string? Query = null,
    UnitSearchResult? Matches = null,
    bool Required = true,
    string? EmptyText = null,
    string? Error = null)
{
    /// <summary>Form name of the search box; a page reads it back with <see cref="QueryName"/>.</summary>
    public string QueryField => QueryName(Name);

    /// <summary>Form name of the search box of the unit field <paramref name="name"/>.</summary>
    public static string QueryName(string name) => name + "_q";

    /// <summary>Name of the no-script search button: present in a post when the user asked to search, not to save.</summary>
    public const string SearchButton = "unitpicker_find";

    /// <summary>The JSON search endpoint the script calls.</summary>
    public const string SearchUrl = "/org/units/search";
}
