using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Listing;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Api;

/// <summary>GET /api/articles (filtered, searched, paged, with facets), GET /api/articles/{id}
/// and GET /api/tags.</summary>
public static class ArticlesApi
{
    public const int DefaultPageSize = 20;

    public static IEndpointRouteBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Articles").CacheOutput(ResponseCaching.Pages).ProducesApiErrors();
        api.MapGet("/articles", List)
            .WithSummary("Articles, newest first or by relevance, with facet counts of the whole result")
            .Produces<ArticleListJson>()
            .ProducesValidationProblem()
            .WithMetadata(new ClientCacheAttribute(60));
        api.MapGet("/articles/{id}", Get)
            .WithSummary("One whole article")
            .Produces<ArticleDetailJson>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new ClientCacheAttribute(300));
        api.MapGet("/tags", Tags)
            .WithSummary("Tag values with their article counts, most used first")
            .Produces<Dictionary<string, IReadOnlyList<FacetJson>>>()
            .ProducesValidationProblem()
            .WithMetadata(new ClientCacheAttribute(300));
        return app;
    }

    // The parameters are bound for the OpenAPI document; ListQuery parses the query itself.
    private static IResult List([AsParameters] ListParameters parameters, HttpRequest request, ArticleListing listing)
    {
        if (!ListQuery.TryParse(request.Query, DefaultPageSize, out var filter, out var errors))
        {
            return Results.ValidationProblem(errors, title: "Invalid query parameters");
        }

        var page = listing.List(filter);
        return Results.Ok(page.ToJson(
            page.Page < page.PageCount ? "/api/articles" + ListQuery.ToQueryString(filter, page.Page + 1, DefaultPageSize) : null,
            page.Page > 1 ? "/api/articles" + ListQuery.ToQueryString(filter, Math.Min(page.Page - 1, page.PageCount), DefaultPageSize) : null));
    }

    private static IResult Get(string id, IArticleReader articles, IStoryClusters storyClusters)
    {
        var article = ArticleIds.IsWellFormed(id) ? articles.Get(id) : null;
        return article is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Article not found", detail: $"No article has the id '{id}'.")
            : Results.Ok(article.ToJson(storyClusters.OthersInStory(article.Seq)));
    }

    /// <summary>?kind=industry|tech|keyword for one kind; without it, all three.</summary>
    private static IResult Tags(string? kind, ArticleListing listing)
    {
        IEnumerable<TagKind> kinds = TagKinds.All;
        if (!string.IsNullOrEmpty(kind))
        {
            if (!TagKinds.TryParse(kind, out var parsed))
            {
                return Results.ValidationProblem(
                    new Dictionary<string, string[]> { ["kind"] = ["kind must be industry, tech or keyword."] },
                    title: "Invalid query parameters");
            }

            kinds = [parsed.Value];
        }

        return Results.Ok(kinds.ToDictionary(
            k => k.ParameterName(),
            k => (IReadOnlyList<FacetJson>)listing.Tags(k).Select(t => new FacetJson(t.Value, t.Count)).ToList()));
    }
}
