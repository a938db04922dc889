namespace Training.Organisation.Pages.Shared;

/// <summary>A compact pager: the first and last pages and two on each side of the current one, so that 800 pages
/// do not print 800 links.</summary>
public sealed record Pager(int Page, int Pages, Func<int, string> Href)
{
    /// <summary>Page numbers to show; 0 stands for a gap.</summary>
    public IEnumerable<int> Items()
    {
        var previous = 0;
        for (var i = 1; i <= Pages; i++)
        {
            if (i != 1 && i != Pages && Math.Abs(i - Page) > 2) continue;
            if (i - previous > 1) yield return 0;
            yield return i;
            previous = i;
        }
    }
}
