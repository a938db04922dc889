namespace Training.Courses.Scorm.Manifest;

/// <summary>Paths inside a package: zip entry names and manifest hrefs, normalised the same way so one can be looked
/// up by the other, and refused when they could reach outside the package.</summary>
public static class PackagePath
{
    /// <summary>The entry name as a package path, or the reason it is refused (absolute, backslash, <c>..</c>,
    /// drive letter, control characters, too long).</summary>
    public static (string? Path, string? Error) FromEntryName(string name)
    {
        if (name.Length > ScormLimits.Path) return (null, "đường dẫn quá dài");
        if (name.Contains('\\')) return (null, "đường dẫn chứa dấu \\");
        if (name.StartsWith('/')) return (null, "đường dẫn tuyệt đối");
        if (name.Length >= 2 && name[1] == ':') return (null, "đường dẫn có ổ đĩa");
        if (name.Any(char.IsControl)) return (null, "đường dẫn chứa ký tự điều khiển");
        var segments = name.Split('/');
        // A trailing slash marks a directory entry; an empty segment elsewhere ("a//b") is refused like "..".
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            if (s is ".." or ".") return (null, "đường dẫn chứa \"..\" hoặc \".\"");
            if (s.Length == 0 && i != segments.Length - 1) return (null, "đường dẫn có đoạn rỗng");
        }
        return (name, null);
    }

    /// <summary>Resolves <paramref name="href"/> (URL-encoded, maybe with <c>?query</c> or <c>#fragment</c>) against
    /// <paramref name="basePath"/> (a folder inside the package, "" or ending in <c>/</c>).</summary>
    public static (string? Path, string Parameters, string? Error) Resolve(string basePath, string href)
    {
        href = href.Trim();
        if (href.Length == 0) return (null, "", "href rỗng");
        if (href.Contains('\\')) return (null, "", "href chứa dấu \\");
        var cut = href.IndexOfAny(['?', '#']);
        var parameters = cut >= 0 ? href[cut..] : "";
        var raw = cut >= 0 ? href[..cut] : href;
        var colon = raw.IndexOf(':');
        if (colon >= 0 && (raw.IndexOf('/') < 0 || colon < raw.IndexOf('/'))) return (null, "", "href là địa chỉ bên ngoài gói");
        if (raw.StartsWith('/')) return (null, "", "href là đường dẫn tuyệt đối");
        string decoded;
        try { decoded = Uri.UnescapeDataString(raw); }
        catch (UriFormatException) { return (null, "", "href mã hóa sai"); }
        if (decoded.Contains('\\') || decoded.Any(char.IsControl)) return (null, "", "href chứa ký tự không hợp lệ");
        var parts = new List<string>();
        foreach (var segment in (basePath + decoded).Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..")
            {
                if (parts.Count == 0) return (null, "", "href trỏ ra ngoài gói");
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(segment);
        }
        if (parts.Count == 0) return (null, "", "href không trỏ tới tệp nào");
        var path = string.Join('/', parts);
        return path.Length > ScormLimits.Path ? (null, "", "href quá dài") : (path, parameters, null);
    }

    /// <summary>An <c>xml:base</c> as a folder prefix ("" or ending in <c>/</c>), or an error.</summary>
    public static (string? Folder, string? Error) Base(string parent, string? xmlBase)
    {
        if (string.IsNullOrWhiteSpace(xmlBase)) return (parent, null);
        var (path, _, error) = Resolve(parent, xmlBase.Trim().TrimEnd('/') + "/x");
        if (error is not null) return (null, error.Replace("href", "xml:base", StringComparison.Ordinal));
        return (path![..^1], null);
    }
}
