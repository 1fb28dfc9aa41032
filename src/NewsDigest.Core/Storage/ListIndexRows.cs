namespace NewsDigest.Core.Storage;

/// <summary>
/// What the in-memory list index is built from, read together so the three agree.
/// </summary>
/// <param name="NewestFirst">Every article's seq, title and its digest's own date (null when the
/// file had none), in list order: newest first by sort key, then by seq.</param>
/// <param name="Links">(article seq, tag id) pairs, in any order.</param>
/// <param name="Tags">Every tag: id, kind, value as shown, normalised value.</param>
public sealed record ListIndexRows(
    IReadOnlyList<(long Seq, string Title, DateOnly? Published)> NewestFirst,
    IReadOnlyList<(long Seq, long TagId)> Links,
    IReadOnlyList<(long Id, TagKind Kind, string Value, string Norm)> Tags);
