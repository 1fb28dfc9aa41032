namespace NewsDigest.Core.Search;

/// <summary>One match's bm25 score over all columns, weighted (lower is better), and whether a
/// term is in its title or tags (those matches rank first).</summary>
public readonly record struct SearchScore(double Score, bool InTitleOrTags);
