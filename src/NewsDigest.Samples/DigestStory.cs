namespace NewsDigest.Samples;

/// <summary>The facts of one news item. Kept apart from the file's wording so that a later file can
/// re-digest the same article (same title, link and date, new text), as real folders do.</summary>
internal sealed record DigestStory(
    DigestVocabulary Vocabulary,
    string Company,
    string Product,
    string Technology,
    string Industry,
    DateOnly Date,
    string Title,
    string Link);
