using Microsoft.AspNetCore.WebUtilities;
using NewsDigest.Core.Storage;

namespace NewsDigest.Web.Infrastructure;

/// <summary>Every URL the portal links to, in one place, so links and routes cannot drift apart.</summary>
public static class SiteUrls
{
    public static string Article(string id, string slug) => $"/articles/{id}/{slug}";

    /// <summary>An article opened from a search: the page highlights the terms. The canonical
    /// link and "copy link" still give the plain permalink.</summary>
    public static string Article(string id, string slug, string? searchQuery) =>
        string.IsNullOrEmpty(searchQuery) ? Article(id, slug) : $"{Article(id, slug)}?q={Uri.EscapeDataString(searchQuery)}";

    public static string Tag(TagKind kind, string value) => $"/tags/{kind.ParameterName()}/{Uri.EscapeDataString(value)}";

    /// <summary>The list (/) for a filter state, in canonical parameter order.</summary>
    public static string List(ArticleFilter filter, int? page = null) => "/" + ListQuery.ToQueryString(filter, page);

    /// <summary>/insights for a view: the list's filters and search in canonical order (no page,
    /// no sort: they do not change the charts), then all=1 for the whole heat map.</summary>
    public static string Insights(ArticleFilter filter, bool all = false)
    {
        var query = ListQuery.ToQueryString(filter with { Page = 1, Sort = ArticleSort.Relevance });
        return "/insights" + query + (all ? (query.Length == 0 ? "?" : "&") + "all=1" : "");
    }

    /// <summary>The list filtered by one tag.</summary>
    public static string List(TagKind kind, string value) => List(With(new ArticleFilter(), kind, value) with { Page = 1 });

    /// <summary>
    /// Whether the request is already at this canonical address. Compared decoded, pair by pair
    /// and in order, because browsers encode the same text differently ('+' or %20, C++ or C%2B%2B).
    /// </summary>
    public static bool IsCanonical(HttpRequest request, string canonical)
    {
        var split = canonical.IndexOf('?', StringComparison.Ordinal);
        var path = split < 0 ? canonical : canonical[..split];
        var query = split < 0 ? "" : canonical[split..];
        return Uri.UnescapeDataString(path) == request.Path.Value
            && Pairs(query).SequenceEqual(Pairs(request.QueryString.Value));
    }

    private static List<(string, string)> Pairs(string? query)
    {
        var pairs = new List<(string, string)>();
        foreach (var pair in new QueryStringEnumerable(query))
        {
            pairs.Add((pair.DecodeName().ToString(), pair.DecodeValue().ToString()));
        }

        return pairs;
    }

    /// <summary>The filter with one more value of a kind (a no-op if present); back to page 1.</summary>
    public static ArticleFilter With(ArticleFilter filter, TagKind kind, string value)
    {
        var values = filter.Values(kind);
        if (values.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return filter with { Page = 1 };
        }

        return Replace(filter, kind, [.. values, value]) with { Page = 1 };
    }

    /// <summary>The filter without one value of a kind; back to page 1.</summary>
    public static ArticleFilter Without(ArticleFilter filter, TagKind kind, string value) =>
        Replace(filter, kind, filter.Values(kind).Where(v => !string.Equals(v, value, StringComparison.OrdinalIgnoreCase)).ToList()) with { Page = 1 };

    /// <summary>The filter with just this value for the kind (others of the kind dropped); back to page 1.</summary>
    public static ArticleFilter Only(ArticleFilter filter, TagKind kind, string value) => Replace(filter, kind, [value]) with { Page = 1 };

    private static ArticleFilter Replace(ArticleFilter filter, TagKind kind, IReadOnlyList<string> values) => kind switch
    {
        TagKind.Industry => filter with { Industries = values },
        TagKind.Technology => filter with { Technologies = values },
        _ => filter with { Keywords = values },
    };
}
