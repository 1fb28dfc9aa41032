namespace NewsDigest.Core.Search;

/// <summary>One match's bm25 scores (lower is better): over all columns weighted, and over the
/// title and tags only (non-zero exactly when a term is in the title or tags).</summary>
public readonly record struct SearchScore(double Score, double TitleTags);
