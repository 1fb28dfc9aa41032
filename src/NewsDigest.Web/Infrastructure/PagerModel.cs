namespace NewsDigest.Web.Infrastructure;

/// <summary>Page links: first, last, and a window around the current page, with gaps between.</summary>
public sealed record PagerModel(int Page, int PageCount, Func<int, string> UrlFor)
{
    private const int Window = 2;

    /// <summary>Page numbers to show, with null for a gap ("…").</summary>
    public IReadOnlyList<int?> Slots()
    {
        var pages = new SortedSet<int> { 1, PageCount };
        for (var p = Math.Max(1, Page - Window); p <= Math.Min(PageCount, Page + Window); p++)
        {
            pages.Add(p);
        }

        var slots = new List<int?>();
        var previous = 0;
        foreach (var p in pages)
        {
            if (p - previous > 1)
            {
                slots.Add(null);
            }

            slots.Add(p);
            previous = p;
        }

        return slots;
    }
}
