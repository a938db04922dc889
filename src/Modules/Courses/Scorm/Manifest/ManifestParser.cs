using System.Xml;
using System.Xml.Linq;
using Training.Courses.Scorm.Data;

namespace Training.Courses.Scorm.Manifest;

/// <summary>Reads <c>imsmanifest.xml</c> of SCORM 1.2 and 2004 (2nd to 4th edition). Elements are matched by local
/// name, since the IMS CP and ADL namespaces differ between editions and tools; DTDs are ignored and nothing external
/// is resolved. Every problem is a <see cref="ScormPackageException"/> saying what is wrong and where.</summary>
public static class ManifestParser
{
    public const string FileName = "imsmanifest.xml";

    /// <param name="exists">Whether a file of the package has this normalised path.</param>
    public static ParsedManifest Parse(Stream xml, Func<string, bool> exists, int maxItems = 500)
    {
        var root = Load(xml);
        if (root.Name.LocalName != "manifest") throw Fail("phần tử gốc phải là <manifest>");
        var (version, schemaVersion) = ReadVersion(root);
        var organizations = Child(root, "organizations") ?? throw Fail("thiếu <organizations>");
        var organization = PickOrganization(organizations);
        var resources = ReadResources(root);
        var items = new List<ParsedItem>();
        foreach (var item in organization.Descendants().Where(e => e.Name.LocalName == "item"))
        {
            var id = Attr(item, "identifier");
            if (string.IsNullOrWhiteSpace(id)) throw Fail("có <item> thiếu identifier");
            if (id.Length > ScormLimits.Identifier) throw Fail($"identifier của <item> \"{Short(id)}\" quá dài");
            var reference = Attr(item, "identifierref");
            if (string.IsNullOrEmpty(reference)) continue;
            if (!resources.TryGetValue(reference, out var resource))
                throw Fail($"<item identifier=\"{id}\"> trỏ tới tài nguyên \"{Short(reference)}\" không có trong <resources>");
            if (resource.Href is null)
                throw Fail($"tài nguyên \"{reference}\" (của <item identifier=\"{id}\">) không có href để mở");
            var (path, parameters, error) = PackagePath.Resolve(resource.Base, resource.Href);
            if (error is not null) throw Fail($"tài nguyên \"{reference}\": {error} ({Short(resource.Href)})");
            if (!exists(path!)) throw Fail($"tài nguyên \"{reference}\" mở tệp \"{Short(path!)}\" nhưng gói không có tệp này");
            var extra = Attr(item, "parameters");
            if (!string.IsNullOrEmpty(extra)) parameters = JoinParameters(parameters, extra);
            if ((path + parameters).Length > ScormLimits.Path) throw Fail($"địa chỉ mở của <item identifier=\"{id}\"> quá dài");
            var title = Text(Child(item, "title")) is { Length: > 0 } t ? t : id;
            items.Add(new ParsedItem(id, Clip(title, 200), path!, parameters, resource.IsSco,
                Text(ChildAny(item, "masteryscore")) is { Length: > 0 } m ? Clip(m, 16) : null,
                Text(ChildAny(item, "datafromlms")) is { Length: > 0 } d ? Clip(d, 4000) : null));
            if (items.Count > maxItems) throw Fail($"có hơn {maxItems} mục học");
        }
        if (items.Count == 0) throw Fail("tổ chức mặc định không có mục học nào mở được (<item identifierref=...>)");
        var duplicate = items.GroupBy(i => i.Identifier).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw Fail($"identifier \"{duplicate.Key}\" được dùng cho nhiều <item>");
        var orgTitle = Text(Child(organization, "title"));
        return new ParsedManifest(version, schemaVersion, Clip(orgTitle.Length > 0 ? orgTitle : items[0].Title, 200), items);
    }

    private static XElement Load(Stream xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo).Root ?? throw Fail("rỗng");
        }
        catch (XmlException e)
        {
            throw Fail($"không phải XML hợp lệ (dòng {e.LineNumber}, cột {e.LinePosition})");
        }
    }

    private static (ScormVersion, string) ReadVersion(XElement root)
    {
        var metadata = Child(root, "metadata");
        var schemaVersion = Text(metadata is null ? null : Child(metadata, "schemaversion"));
        var ns = root.Attributes().Where(a => a.IsNamespaceDeclaration).Select(a => a.Value).ToList();
        if (schemaVersion.Length == 0)
        {
            // Older 1.2 tools omit <metadata>; the ADL 1.2 namespace identifies them.
            if (ns.Any(n => n.Contains("adlcp_rootv1p2", StringComparison.OrdinalIgnoreCase))) return (ScormVersion.Scorm12, "1.2");
            throw Fail("thiếu <schemaversion> trong <metadata>: không biết gói theo SCORM 1.2 hay 2004");
        }
        return schemaVersion switch
        {
            "1.2" => (ScormVersion.Scorm12, schemaVersion),
            "CAM 1.3" or "2004 3rd Edition" or "2004 4th Edition" => (ScormVersion.Scorm2004, schemaVersion),
            _ => throw Fail($"<schemaversion> \"{Short(schemaVersion)}\" không được hỗ trợ (chỉ nhận 1.2, CAM 1.3, 2004 3rd Edition, 2004 4th Edition)"),
        };
    }

    private static XElement PickOrganization(XElement organizations)
    {
        var all = organizations.Elements().Where(e => e.Name.LocalName == "organization").ToList();
        if (all.Count == 0) throw Fail("<organizations> không có <organization> nào");
        var preferred = Attr(organizations, "default");
        if (string.IsNullOrEmpty(preferred)) return all[0];
        return all.FirstOrDefault(o => Attr(o, "identifier") == preferred)
            ?? throw Fail($"<organizations default=\"{Short(preferred)}\"> không trùng identifier của <organization> nào");
    }

    private sealed record Resource(string Base, string? Href, bool IsSco);

    private static Dictionary<string, Resource> ReadResources(XElement root)
    {
        var resources = Child(root, "resources") ?? throw Fail("thiếu <resources>");
        var (folder, baseError) = PackagePath.Base("", XmlBase(resources));
        if (baseError is not null) throw Fail($"<resources>: {baseError}");
        var result = new Dictionary<string, Resource>(StringComparer.Ordinal);
        foreach (var r in resources.Elements().Where(e => e.Name.LocalName == "resource"))
        {
            var id = Attr(r, "identifier");
            if (string.IsNullOrWhiteSpace(id)) throw Fail("có <resource> thiếu identifier");
            var (own, error) = PackagePath.Base(folder!, XmlBase(r));
            if (error is not null) throw Fail($"tài nguyên \"{Short(id)}\": {error}");
            // 1.2 spells the attribute adlcp:scormtype, 2004 adlcp:scormType.
            var type = r.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals("scormtype", StringComparison.OrdinalIgnoreCase))?.Value.Trim();
            if (type is not (null or "sco" or "asset"))
                throw Fail($"tài nguyên \"{Short(id)}\" có scormType \"{Short(type)}\" (chỉ nhận sco hoặc asset)");
            if (!result.TryAdd(id, new Resource(own!, Attr(r, "href"), type == "sco")))
                throw Fail($"identifier \"{Short(id)}\" được dùng cho nhiều <resource>");
        }
        return result;
    }

    private static string? XmlBase(XElement e) => e.Attribute(XNamespace.Xml + "base")?.Value;

    private static string JoinParameters(string existing, string extra)
    {
        extra = extra.Trim();
        if (extra.StartsWith('#')) return existing + extra;
        extra = extra.TrimStart('?', '&');
        return existing.Length == 0 ? "?" + extra : existing + "&" + extra;
    }

    private static XElement? Child(XElement e, string name) => e.Elements().FirstOrDefault(c => c.Name.LocalName == name);

    private static XElement? ChildAny(XElement e, string name) =>
        e.Elements().FirstOrDefault(c => c.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static string? Attr(XElement e, string name) => e.Attributes().FirstOrDefault(a => a.Name.LocalName == name)?.Value.Trim();

    private static string Text(XElement? e) => e is null ? "" : Normalise(e.Value);

    private static string Normalise(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Normalize();

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];

    private static string Short(string? s) => s is null ? "" : s.Length <= 80 ? s : s[..80] + "…";

    private static ScormPackageException Fail(string problem) => new($"tệp {FileName}: {problem}.");
}
