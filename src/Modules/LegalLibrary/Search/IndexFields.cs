namespace Training.LegalLibrary.Search;

internal static class IndexFields
{
    public const string Id = "id";
    public const string Canonical = "canon";
    public const string Doc = "doc";
    public const string Filter = "docs";
    public const string Accented = "acc";
    public const string Folded = "fold";
    public const string TitleAccented = "tacc";
    public const string TitleFolded = "tfold";
    public const string LawId = "law_id";
    public const string ArticleId = "article_id";
    public const string Copy = "copy";
    public const string InForce = "inforce";
    public static readonly string[] Facets = ["type", "status", "issuer", "year"];

    public static string FacetField(string facet) => "f_" + facet;
}
