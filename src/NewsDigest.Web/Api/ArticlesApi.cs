using Microsoft.AspNetCore.Http.HttpResults;
using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Listing;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Api;

/// <summary>GET /api/articles (filtered, searched, paged, with facets), GET /api/articles/{id}
/// and GET /api/tags.</summary>
public static class ArticlesApi
{
    public static IEndpointRouteBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Articles").CacheOutput(ResponseCaching.Pages).ProducesApiErrors();
        api.MapGet("/articles", List)
            .WithSummary("Articles, newest first or by relevance, with facet counts of the whole result")
            .WithMetadata(new ClientCacheAttribute(60));
        api.MapGet("/articles/{id}", Get)
            .WithSummary("One whole article")
            .WithMetadata(new ClientCacheAttribute(300));
        api.MapGet("/tags", Tags)
            .WithSummary("Tag values with their article counts, most used first")
            .WithMetadata(new ClientCacheAttribute(300));
        return app;
    }

    private static Results<Ok<ArticleListJson>, ValidationProblem> List([AsParameters] ListParameters parameters, ArticleListing listing)
    {
        if (!ListQuery.TryParse(parameters, PageSizes.Articles, out var filter, out var errors))
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid query parameters");
        }

        var page = listing.List(filter);
        return TypedResults.Ok(page.ToJson(
            page.Page < page.PageCount ? SiteUrls.ApiArticles(filter, page.Page + 1) : null,
            page.Page > 1 ? SiteUrls.ApiArticles(filter, Math.Min(page.Page - 1, page.PageCount)) : null));
    }

    private static Results<Ok<ArticleDetailJson>, NotFoundProblem> Get(string id, IArticleReader articles, IStoryClusters storyClusters)
    {
        var article = ArticleIds.IsWellFormed(id) ? articles.Get(id) : null;
        return article is null
            ? new NotFoundProblem("Article not found", $"No article has the id '{id}'.")
            : TypedResults.Ok(article.ToJson(storyClusters.OthersInStory(article.Seq)));
    }

    /// <summary>?kind=industry|tech|keyword for one kind; without it, all three.</summary>
    private static Results<Ok<Dictionary<string, IReadOnlyList<FacetJson>>>, ValidationProblem> Tags(string? kind, ArticleListing listing)
    {
        IEnumerable<TagKind> kinds = TagKinds.All;
        if (!string.IsNullOrEmpty(kind))
        {
            if (!TagKinds.TryParse(kind, out var parsed))
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["kind"] = ["kind must be industry, tech or keyword."] },
                    title: "Invalid query parameters");
            }

            kinds = [parsed.Value];
        }

        return TypedResults.Ok(kinds.ToDictionary(
            k => k.ParameterName(),
            k => (IReadOnlyList<FacetJson>)listing.Tags(k).Select(t => new FacetJson(t.Value, t.Count)).ToList()));
    }
}
