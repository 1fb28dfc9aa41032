using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using NewsDigest.Core.Listing;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Feeds;

/// <summary>
/// GET /feed.atom (Atom 1.0, built with System.ServiceModel.Syndication) and GET /feed.json
/// (JSON Feed 1.1) for any list view: the same parameters as the list, the newest 50 matches.
/// </summary>
public static class FeedEndpoints
{
    public const int Size = 50;

    private static readonly JsonSerializerOptions JsonFeedOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feed.atom", Atom).WithTags("Feeds").WithSummary("Atom 1.0 feed of any list view")
            .CacheOutput(ResponseCaching.Pages).WithMetadata(new ClientCacheAttribute(300));
        app.MapGet("/feed.json", Json).WithTags("Feeds").WithSummary("JSON Feed 1.1 of any list view")
            .CacheOutput(ResponseCaching.Pages).WithMetadata(new ClientCacheAttribute(300));
        return app;
    }

    /// <summary>The feed URL of a list state (page and sort dropped: a feed is always newest first).</summary>
    public static string FeedUrl(ArticleFilter filter, string extension = "atom") =>
        $"/feed.{extension}" + ListQuery.ToQueryString(filter with { Page = 1, Sort = ArticleSort.Relevance });

    private static IResult Atom(HttpRequest request, ArticleListing listing, IArticleReader articles, PublicBaseUrl publicBaseUrl)
    {
        if (!TryLoad(request, listing, articles, publicBaseUrl, out var view, out var problem))
        {
            return problem;
        }

        var feed = new SyndicationFeed(view.Title, view.Description, new Uri(view.ListUrl))
        {
            Id = view.FeedUrl,
            Language = "zh-Hans",
            LastUpdatedTime = view.Items.Count == 0 ? DateTimeOffset.UnixEpoch : view.Items.Max(i => Updated(i)),
            Generator = "NewsDigest",
        };
        feed.Authors.Add(new SyndicationPerson { Name = "NewsDigest" });
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(view.FeedUrl), "application/atom+xml"));
        feed.Items = view.Items.Select(article =>
        {
            var url = publicBaseUrl.Absolute(request, SiteUrls.Article(article.Id, article.Slug));
            var item = new SyndicationItem(article.Title, content: (SyndicationContent?)null, itemAlternateLink: new Uri(url), id: url, lastUpdatedTime: Updated(article))
            {
                PublishDate = Published(article),
                Summary = new TextSyndicationContent(Summary(article), TextSyndicationContentKind.Html),
            };
            foreach (var (kind, values) in Tags(article))
            {
                foreach (var value in values)
                {
                    item.Categories.Add(new SyndicationCategory(value, kind.ParameterName(), value));
                }
            }

            if (article.Link is not null)
            {
                item.Links.Add(new SyndicationLink(new Uri(article.Link), "related", null, "text/html", 0));
            }

            return item;
        }).ToList();

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return Results.Bytes(stream.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private static IResult Json(HttpRequest request, ArticleListing listing, IArticleReader articles, PublicBaseUrl publicBaseUrl)
    {
        if (!TryLoad(request, listing, articles, publicBaseUrl, out var view, out var problem))
        {
            return problem;
        }

        var feed = new JsonFeed(
            "https://jsonfeed.org/version/1.1",
            view.Title,
            view.ListUrl,
            view.FeedUrl.Replace("/feed.atom", "/feed.json", StringComparison.Ordinal),
            view.Description,
            "zh-Hans",
            view.Items.Select(article =>
            {
                var url = publicBaseUrl.Absolute(request, SiteUrls.Article(article.Id, article.Slug));
                return new JsonFeedItem(
                    url,
                    url,
                    article.Link,
                    article.Title,
                    Summary(article),
                    article.Excerpt,
                    Published(article),
                    Updated(article),
                    Tags(article).SelectMany(t => t.Values).Distinct().ToList(),
                    article.Language == "en" ? "en" : "zh-Hans");
            }).ToList());
        return Results.Text(JsonSerializer.Serialize(feed, JsonFeedOptions), "application/feed+json; charset=utf-8", Encoding.UTF8);
    }

    private static bool TryLoad(HttpRequest request, ArticleListing listing, IArticleReader articles, PublicBaseUrl publicBaseUrl, out FeedView view, out IResult problem)
    {
        view = null!;
        problem = Results.Empty;
        if (!ListQuery.TryParse(request.Query, Size, out var filter, out var errors))
        {
            problem = Results.ValidationProblem(errors, title: "Invalid query parameters");
            return false;
        }

        filter = filter with { Page = 1, PageSize = Size, Sort = ArticleSort.Newest, IncludeFacets = false };
        var page = listing.List(filter);
        var items = articles.GetMany(page.Items.Select(i => i.Id).ToList());
        var what = Describe(filter);
        view = new FeedView(
            what is null ? "NewsDigest" : $"NewsDigest: {what}",
            what is null ? "AI industry news digests" : $"AI industry news digests: {what}",
            publicBaseUrl.Absolute(request, SiteUrls.List(filter with { Sort = ArticleSort.Relevance })),
            publicBaseUrl.Absolute(request, FeedUrl(filter)),
            items);
        return true;
    }

    private static string? Describe(ArticleFilter filter)
    {
        var parts = TagKinds.All.Select(k => string.Join(" / ", filter.Values(k))).Prepend(filter.Query ?? "").Where(s => s.Length > 0).ToList();
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    private static string Summary(ArticleDetail article) =>
        article.EventsHtml.Length > 0 ? article.EventsHtml : System.Net.WebUtility.HtmlEncode(article.Excerpt);

    private static IEnumerable<(TagKind Kind, IReadOnlyList<string> Values)> Tags(ArticleDetail article) =>
        [(TagKind.Industry, article.Industries), (TagKind.Technology, article.Technologies), (TagKind.Keyword, article.Keywords)];

    private static DateTimeOffset Updated(ArticleDetail article) => Timestamps.Parse(article.UpdatedAt);

    private static DateTimeOffset Published(ArticleDetail article) =>
        DateTimeOffset.Parse(article.Date + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record FeedView(string Title, string Description, string ListUrl, string FeedUrl, IReadOnlyList<ArticleDetail> Items);

    private sealed record JsonFeed(string Version, string Title, string HomePageUrl, string FeedUrl, string Description, string Language, IReadOnlyList<JsonFeedItem> Items);

    private sealed record JsonFeedItem(
        string Id, string Url, string? ExternalUrl, string Title, string ContentHtml, string Summary,
        DateTimeOffset DatePublished, DateTimeOffset DateModified, IReadOnlyList<string> Tags, string Language);
}
