using NewsDigest.Core.Storage;

namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// The facet panel of a list: per kind, the checked values first (even at zero), then the most
/// frequent; each option carries the URL that toggles it, so the panel is plain links.
/// </summary>
public sealed record FacetPanel(IReadOnlyList<FacetGroup> Groups, IReadOnlyList<FacetChip> Chips)
{
    public const int Visible = 8;

    public static readonly FacetPanel Empty = new([], []);

    public static FacetPanel For(ArticleFilter filter, ArticlePage page)
    {
        var groups = new List<FacetGroup>();
        var chips = new List<FacetChip>();
        foreach (var kind in TagKinds.All)
        {
            var selected = filter.Values(kind);
            var counts = page.Facets.TryGetValue(kind, out var facet) ? facet : [];
            var options = selected
                .Select(value => new FacetOption(
                    value,
                    counts.FirstOrDefault(c => string.Equals(c.Value, value, StringComparison.OrdinalIgnoreCase))?.Count ?? 0,
                    true,
                    SiteUrls.List(SiteUrls.Without(filter, kind, value))))
                .Concat(counts
                    .Where(c => !selected.Contains(c.Value, StringComparer.OrdinalIgnoreCase))
                    .Select(c => new FacetOption(c.Value, c.Count, false, SiteUrls.List(SiteUrls.With(filter, kind, c.Value)))))
                .ToList();
            groups.Add(new FacetGroup(kind, options));
            chips.AddRange(selected.Select(v => new FacetChip(kind, v, SiteUrls.List(SiteUrls.Without(filter, kind, v)))));
        }

        return new FacetPanel(groups, chips);
    }
}

public sealed record FacetGroup(TagKind Kind, IReadOnlyList<FacetOption> Options)
{
    public IEnumerable<FacetOption> Top => Options.Take(FacetPanel.Visible);

    public IEnumerable<FacetOption> More => Options.Skip(FacetPanel.Visible);
}

/// <summary>A value in the panel; <see cref="ToggleUrl"/> adds it, or removes it when selected.</summary>
public sealed record FacetOption(string Value, int Count, bool Selected, string ToggleUrl);

/// <summary>An active filter shown above the list, with the URL that removes it.</summary>
public sealed record FacetChip(TagKind Kind, string Value, string RemoveUrl);
