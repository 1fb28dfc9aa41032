using NewsDigest.Core.Storage;

namespace NewsDigest.Web.Infrastructure;

/// <summary>One entry of a list (the _ArticleCard partial): the article and, on a search result,
/// the query, so the article opens with the searched terms highlighted.</summary>
public sealed record ArticleCard(ArticleListItem Item, string? SearchQuery = null)
{
    public string Href => SiteUrls.Article(Item.Id, Item.Slug, SearchQuery);
}
