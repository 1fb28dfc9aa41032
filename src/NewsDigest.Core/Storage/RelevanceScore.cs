namespace NewsDigest.Core.Storage;

/// <summary>
/// How well one article matches a search, as an engine's ranking function weighs it (title and
/// tags most, then the events summary, then the text): lower is better.
/// <see cref="TokensInTitleOrTags"/>: some token of the query is in the article's title or tags.
/// </summary>
public readonly record struct RelevanceScore(double Score, bool TokensInTitleOrTags);
