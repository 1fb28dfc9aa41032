using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Api;

/// <summary>GET /api/articles (filtered, paged, with facets) and GET /api/articles/{id}.</summary>
public static class ArticlesApi
{
    public const int DefaultPageSize = 20;

    public static IEndpointRouteBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/articles", List).CacheOutput(ResponseCaching.Pages);
        app.MapGet("/api/articles/{id}", Get).CacheOutput(ResponseCaching.Pages);
        return app;
    }

    private static IResult List(HttpRequest request, ArticleStore articles)
    {
        if (!ListQuery.TryParse(request.Query, DefaultPageSize, out var filter, out var errors))
        {
            return Results.ValidationProblem(errors, title: "Invalid query parameters");
        }

        return Results.Ok(articles.List(filter).ToJson());
    }

    private static IResult Get(string id, ArticleStore articles)
    {
        var article = ArticleIds.IsWellFormed(id) ? articles.Get(id) : null;
        return article is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Article not found", detail: $"No article has the id '{id}'.")
            : Results.Ok(article.ToJson());
    }
}
