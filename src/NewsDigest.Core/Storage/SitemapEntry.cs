namespace NewsDigest.Core.Storage;

/// <summary>An article's permalink parts and last change, for the sitemap.</summary>
public sealed record SitemapEntry(string Id, string Slug, string UpdatedAt);
