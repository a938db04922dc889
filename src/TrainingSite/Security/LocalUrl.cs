namespace Training.Site.Security;

/// <summary>Whether a return URL stays on this site: "/" or "/path", never "//host", "/\host" (browsers read a
/// backslash as a slash) or a URL with control characters (a tab or newline inside "/\t/host" is dropped by browsers).
/// The same rule as ASP.NET Core's own local-redirect check, which is internal to the framework.</summary>
internal static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
