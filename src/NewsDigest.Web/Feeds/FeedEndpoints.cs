using System.Diagnostics.CodeAnalysis;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using Microsoft.AspNetCore.Http.HttpResults;
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
    private const string AtomType = "application/atom+xml";
    private const string JsonFeedType = "application/feed+json";

    private static readonly JsonSerializerOptions JsonFeedOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feed.atom", Atom).WithTags("Feeds").WithSummary("Atom 1.0 feed of any list view")
            .Produces(StatusCodes.Status200OK, contentType: AtomType)
            .CacheOutput(ResponseCaching.Pages).WithMetadata(new ClientCacheAttribute(300));
        app.MapGet("/feed.json", Json).WithTags("Feeds").WithSummary("JSON Feed 1.1 of any list view")
            .Produces(StatusCodes.Status200OK, contentType: JsonFeedType)
            .CacheOutput(ResponseCaching.Pages).WithMetadata(new ClientCacheAttribute(300));
        return app;
    }

    // The list's parameters are read from the query string once, by ListQuery, as the pages read
    // them: they are not bound here, since a feed takes neither page nor pageSize.
    private static Results<FileContentHttpResult, ValidationProblem> Atom(HttpRequest request, ArticleListing listing, IArticleReader articles, PublicBaseUrl publicBaseUrl)
    {
        if (!TryLoad(request, listing, articles, publicBaseUrl, out var view, out var problem))
        {
            return problem;
        }

        var feed = new SyndicationFeed(view.Title, view.Description, new Uri(view.ListUrl))
        {
            Id = view.AtomUrl,
            Language = "zh-Hans",
            LastUpdatedTime = view.Items.Count == 0 ? DateTimeOffset.UnixEpoch : view.Items.Max(i => Updated(i)),
            Generator = Titles.SiteName,
        };
        feed.Authors.Add(new SyndicationPerson { Name = Titles.SiteName });
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(view.AtomUrl), "application/atom+xml"));
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

        return TypedResults.Bytes(stream.ToArray(), AtomType + "; charset=utf-8");
    }

    private static Results<ContentHttpResult, ValidationProblem> Json(HttpRequest request, ArticleListing listing, IArticleReader articles, PublicBaseUrl publicBaseUrl)
    {
        if (!TryLoad(request, listing, articles, publicBaseUrl, out var view, out var problem))
        {
            return problem;
        }

        var feed = new JsonFeed(
            "https://jsonfeed.org/version/1.1",
            view.Title,
            view.ListUrl,
            view.JsonFeedUrl,
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
        return TypedResults.Text(JsonSerializer.Serialize(feed, JsonFeedOptions), JsonFeedType + "; charset=utf-8", Encoding.UTF8);
    }

    private static bool TryLoad(
        HttpRequest request, ArticleListing listing, IArticleReader articles, PublicBaseUrl publicBaseUrl, out FeedView view, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        view = null!;
        problem = null;
        if (!ListQuery.TryParse(request.Query, PageSizes.FeedEntries, out var filter, out var errors))
        {
            problem = TypedResults.ValidationProblem(errors, title: "Invalid query parameters");
            return false;
        }

        filter = filter with { Page = 1, PageSize = PageSizes.FeedEntries, Sort = ArticleSort.Newest, IncludeFacets = false };
        var page = listing.List(filter);
        var items = articles.GetMany(page.Items.Select(i => i.Id).ToList());
        view = new FeedView(
            Titles.Feed(filter),
            Titles.FeedDescription(filter),
            publicBaseUrl.Absolute(request, SiteUrls.List(filter with { Sort = ArticleSort.Relevance })),
            publicBaseUrl.Absolute(request, SiteUrls.AtomFeed(filter)),
            publicBaseUrl.Absolute(request, SiteUrls.JsonFeed(filter)),
            items);
        return true;
    }

    private static string Summary(ArticleDetail article) =>
        article.EventsHtml.Length > 0 ? article.EventsHtml : System.Net.WebUtility.HtmlEncode(article.Excerpt);

    private static IEnumerable<(TagKind Kind, IReadOnlyList<string> Values)> Tags(ArticleDetail article) =>
        [(TagKind.Industry, article.Industries), (TagKind.Technology, article.Technologies), (TagKind.Keyword, article.Keywords)];

    private static DateTimeOffset Updated(ArticleDetail article) => Timestamps.Parse(article.UpdatedAt);

    private static DateTimeOffset Published(ArticleDetail article) =>
        DateTimeOffset.Parse(article.Date + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record FeedView(string Title, string Description, string ListUrl, string AtomUrl, string JsonFeedUrl, IReadOnlyList<ArticleDetail> Items);

    private sealed record JsonFeed(string Version, string Title, string HomePageUrl, string FeedUrl, string Description, string Language, IReadOnlyList<JsonFeedItem> Items);

    private sealed record JsonFeedItem(
        string Id, string Url, string? ExternalUrl, string Title, string ContentHtml, string Summary,
        DateTimeOffset DatePublished, DateTimeOffset DateModified, IReadOnlyList<string> Tags, string Language);
}
