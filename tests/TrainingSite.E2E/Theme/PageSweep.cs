using System.Text.RegularExpressions;

namespace Training.E2E.Theme;

/// <summary>A page the sweep visited: its path and whether a menu led there (main menu, header, hub cards)
/// or it is a detail page linked from one.</summary>
public sealed record SweptPage(string Path, bool FromMenu);

/// <summary>Walks what a role can reach from its menus: the main menu and the header's links, the cards of the hub
/// pages (/hr, /admin), and one page of each kind of detail the visited pages link to (a course, a lesson, a
/// certificate, a plan, a target…). Everything is read from the rendered pages, so new pages join the sweep
/// without touching this test.</summary>
public static partial class PageSweep
{
    private const string MenuLinks = ".main-nav a, .site-header .header-tools a, main .hub-grid a";
    private const string Guid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private const string Segment = "[^/?#]+";

    /// <summary>Kinds of detail page, each visited once per role when some visited page links to one.</summary>
    private static readonly Regex[] DetailKinds =
    [
        new($"^/courses/{Segment}$"), new($"^/courses/{Segment}/lessons/{Guid}$"), new($"^/courses/{Segment}/quiz$"),
        new($"^/learning/attempts/{Guid}$"), new($"^/verify/{Segment}$"),
        new($"^/authoring/{Guid}$"), new($"^/authoring/{Guid}/lessons/{Guid}$"), new($"^/authoring/{Guid}/questions$"),
        new($"^/authoring/{Guid}/classes$"), new($"^/authoring/classes/{Guid}$"),
        new($"^/authoring/{Guid}/media$"), new($"^/authoring/{Guid}/scorm$"), new($"^/authoring/{Guid}/evaluation$"),
        new($"^/authoring/{Guid}/questions/statistics$"), new($"^/courses/{Segment}/evaluation$"),
        new($"^/hr/audiences/edit/{Guid}$"), new($"^/hr/audiences/{Guid}/courses$"), new($"^/hr/evaluations/{Segment}$"),
        new($"^/hr/certificates/{Guid}$"), new($"^/hr/plans/{Guid}$"), new($"^/hr/plans/edit/{Guid}$"),
        new($"^/hr/plans/targets/{Guid}$"), new($"^/hr/plans/targets/{Guid}/people$"), new($"^/hr/plans/{Guid}/targets/edit/{Guid}$"),
        new($"^/admin/programmes/edit/{Guid}$"), new($"^/legal/{Segment}$"), new($"^/legal/{Segment}/{Segment}$"),
    ];

    /// <summary>Visits every page reachable as described, calling <paramref name="check"/> on each right after it loads.</summary>
    public static async Task<IReadOnlyList<SweptPage>> VisitAsync(IPage page, IEnumerable<string> extraStarts, Func<string, IResponse?, Task> check)
    {
        var queue = new Queue<SweptPage>([new("/", true), .. extraStarts.Select(p => new SweptPage(p, true))]);
        var seen = new HashSet<string>(queue.Select(p => p.Path));
        var kindsSeen = new HashSet<Regex>();
        var visited = new List<SweptPage>();
        while (queue.TryDequeue(out var next))
        {
            var response = await page.GotoAsync(next.Path);
            visited.Add(next);
            await check(next.Path, response);

            foreach (var href in await LinksAsync(page, MenuLinks))
                if (seen.Add(href)) queue.Enqueue(new(href, true));
            foreach (var href in await LinksAsync(page, "main a[href]"))
            {
                var kind = DetailKinds.FirstOrDefault(k => k.IsMatch(href));
                if (kind is not null && kindsSeen.Add(kind) && seen.Add(href)) queue.Enqueue(new(href, false));
            }
        }
        return visited;
    }

    /// <summary>A short file name for a path: ids become "id", the query a suffix.</summary>
    public static string Slug(string path)
    {
        // Ids and verification codes change with every seeding: keep the file names stable from run to run.
        var slug = GuidPattern().Replace(path.StartsWith("/verify/", StringComparison.Ordinal) ? "/verify/code" : path, "id");
        slug = NotWord().Replace(slug, "-").Trim('-');
        return slug.Length == 0 ? "home" : slug[..Math.Min(slug.Length, 80)];
    }

    private static async Task<string[]> LinksAsync(IPage page, string selector) =>
        (await page.EvaluateAsync<string[]>(
            "s => [...document.querySelectorAll(s)].map(a => (a.getAttribute('href') || '').split('#')[0])", selector))
        .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal) && !h.Contains("handler=", StringComparison.Ordinal))
        .Distinct()
        .ToArray();

    [GeneratedRegex(Guid)]
    private static partial Regex GuidPattern();

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotWord();
}
