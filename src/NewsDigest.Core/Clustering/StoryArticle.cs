namespace NewsDigest.Core.Clustering;

/// <summary>What clustering looks at of one article.</summary>
/// <param name="Seq">The article's key; clusters are reported as these.</param>
/// <param name="Title">The title as written.</param>
/// <param name="Link">The original article's URL, if any.</param>
/// <param name="Date">Its own publication date (发布时间), if it has one.</param>
/// <param name="Tags">Its industry, technology and keyword values, normalised (see <see cref="Storage.TagKinds.Normalize"/>).</param>
public sealed record StoryArticle(long Seq, string Title, string? Link, DateOnly? Date, IReadOnlyCollection<string> Tags);
