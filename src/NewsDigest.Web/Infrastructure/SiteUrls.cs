using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Storage;

namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// Every URL the portal emits, as a root-relative path and query, in one place, so links and
/// routes cannot drift apart: page links, pagers, redirects, permalinks, feeds, the API's
/// next and prev. Absolute URLs are these paths put under the public address by
/// <see cref="PublicBaseUrl"/>.
/// </summary>
public static class SiteUrls
{
    public const string Home = "/";

    public const string OpenApiDocument = "/openapi/v1.json";

    public const string ApiReference = "/scalar/v1";

    public const string Sitemap = "/sitemap.xml";

    /// <summary>One part of a sitemap index (/sitemap-1.xml …).</summary>
    public static string SitemapPart(int part) => $"/sitemap-{Number(part)}.xml";

    /// <summary>The short permalink: it redirects to the one with the slug.</summary>
    public static string Article(string id) => $"/articles/{id}";

    public static string Article(string id, string slug) => $"{Article(id)}/{slug}";

    /// <summary>An article opened from a search: the page highlights the terms. The canonical
    /// link and "copy link" still give the plain permalink.</summary>
    public static string Article(string id, string slug, string? searchQuery) =>
        string.IsNullOrEmpty(searchQuery) ? Article(id, slug) : $"{Article(id, slug)}?q={Uri.EscapeDataString(searchQuery)}";

    /// <summary>The permalink with a request's query string kept as it came (a redirect to the canonical slug).</summary>
    public static string Article(string id, string slug, QueryString query) => Article(id, slug) + query;

    /// <summary>The article's list of the same story's other articles.</summary>
    public static string AlsoCoveredBy(string id, string slug) => Article(id, slug) + "#also-covered-by";

    /// <summary>/tags, or one kind's page: kind, then page; page 1 left out.</summary>
    public static string Tags(TagKind? kind = null, int page = 1) =>
        kind is null ? "/tags" : $"/tags?kind={kind.Value.ParameterName()}" + (page > 1 ? $"&page={Number(page)}" : "");

    /// <summary>One tag's page; page 1 left out.</summary>
    public static string Tag(TagKind kind, string value, int page = 1) =>
        $"/tags/{kind.ParameterName()}/{Uri.EscapeDataString(value)}" + (page > 1 ? $"?page={Number(page)}" : "");

    /// <summary>The list (/) for a filter state, in canonical parameter order.</summary>
    public static string List(ArticleFilter filter, int? page = null) => Home + ListQuery.ToQueryString(filter, page);

    /// <summary>The list filtered by one tag.</summary>
    public static string List(TagKind kind, string value) => List(With(new ArticleFilter(), kind, value) with { Page = 1 });

    /// <summary>/insights for every article.</summary>
    public static string Insights() => "/insights";

    /// <summary>/insights for a view: the list's filters and search in canonical order (no page,
    /// no sort: they do not change the charts), then all=1 for the whole heat map.</summary>
    public static string Insights(ArticleFilter filter, bool all = false)
    {
        var query = ListQuery.ToQueryString(filter with { Page = 1, Sort = ArticleSort.Relevance });
        return Insights() + query + (all ? (query.Length == 0 ? "?" : "&") + "all=1" : "");
    }

    /// <summary>The Atom feed of a list view (page and sort dropped: a feed is always newest first).</summary>
    public static string AtomFeed(ArticleFilter? filter = null) => "/feed.atom" + FeedQuery(filter);

    /// <summary>The JSON Feed of a list view, with the same parameters as <see cref="AtomFeed"/>.</summary>
    public static string JsonFeed(ArticleFilter? filter = null) => "/feed.json" + FeedQuery(filter);

    /// <summary>The CSV export of a list view, with the same parameters as its feeds.</summary>
    public static string Export(ArticleFilter filter) => "/export.csv" + FeedQuery(filter);

    /// <summary>/ingestion for a reason and page: reason, then page; page 1 left out.</summary>
    public static string Ingestion(ReasonKind? reason = null, int page = 1)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (reason is not null)
        {
            pairs.Add(new("reason", reason.Value.Slug()));
        }

        if (page > 1)
        {
            pairs.Add(new("page", Number(page)));
        }

        return "/ingestion" + Query(pairs);
    }

    /// <summary>The list of files with a problem on /ingestion, scrolled to.</summary>
    public static string IngestionProblems(ReasonKind? reason = null, int page = 1) => Ingestion(reason, page) + "#problems";

    /// <summary>/ingestion/stories; page 1 left out.</summary>
    public static string IngestionStories(int page = 1) => "/ingestion/stories" + (page > 1 ? $"?page={Number(page)}" : "");

    /// <summary>/api/articles for a filter and page: the list's parameters, then pageSize unless it is the default.</summary>
    public static string ApiArticles(ArticleFilter filter, int page) =>
        "/api/articles" + ListQuery.ToQueryString(filter, page, PageSizes.Articles);

    /// <summary>/api/ingestion with the files of one status, or every file.</summary>
    public static string ApiIngestion(SourceFileStatus? status = null) =>
        ApiIngestion(new SourceFileQuery { Status = status, PageSize = PageSizes.ApiIngestionFiles }, 1);

    /// <summary>/api/ingestion for a query and page: reason, status, page, pageSize; defaults left out.</summary>
    public static string ApiIngestion(SourceFileQuery query, int page)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (query.Reason is not null || query.ProblemsOnly)
        {
            pairs.Add(new("reason", query.Reason?.Slug() ?? IngestionQuery.AnyReason));
        }

        if (query.Status is not null)
        {
            pairs.Add(new("status", SourceFileStatusNames.Of(query.Status.Value)));
        }

        if (page > 1)
        {
            pairs.Add(new("page", Number(page)));
        }

        if (query.PageSize != PageSizes.ApiIngestionFiles)
        {
            pairs.Add(new("pageSize", Number(query.PageSize)));
        }

        return "/api/ingestion" + Query(pairs);
    }

    /// <summary>/api/ingestion/clusters for a page (always named) and a page size (unless the default).</summary>
    public static string ApiClusters(int page, int pageSize) =>
        $"/api/ingestion/clusters?page={Number(page)}" + (pageSize == PageSizes.ApiClusters ? "" : $"&pageSize={Number(pageSize)}");

    /// <summary>The link that switches the UI language and comes back to <paramref name="returnUrl"/>.</summary>
    public static string Language(string culture, string returnUrl) =>
        $"/settings/language?culture={culture}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>The link that switches the theme and comes back to <paramref name="returnUrl"/>.</summary>
    public static string Theme(string value, string returnUrl) =>
        $"/settings/theme?value={value}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>The path and query a request asked for, as the settings links send the reader back to it.</summary>
    public static string Current(HttpRequest request) => request.Path + request.QueryString;

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

    private static string FeedQuery(ArticleFilter? filter) =>
        filter is null ? "" : ListQuery.ToQueryString(filter with { Page = 1, Sort = ArticleSort.Relevance });

    private static string Query(List<KeyValuePair<string, string?>> pairs) => pairs.Count == 0 ? "" : QueryString.Create(pairs).Value!;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
