namespace NewsDigest.Core.Storage;

/// <summary>The articles an article page links to besides its own story (see <see cref="Listing.ArticleListing.Around"/>).</summary>
/// <param name="Related">Articles sharing the most tags with it, most first, then newest first.</param>
/// <param name="Newer">The article just before it in the newest-first list, if any.</param>
/// <param name="Older">The article just after it, if any.</param>
public sealed record ArticlesAround(IReadOnlyList<ArticleListItem> Related, ArticleListItem? Newer, ArticleListItem? Older);
