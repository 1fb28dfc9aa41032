using NewsDigest.Core.Parsing;
using NewsDigest.Core.Search;

namespace NewsDigest.Core.Storage;

/// <summary>Everything ingestion writes for one article: the parsed digest plus what is derived
/// from it once (rendered events, slug, excerpt, search tokens) so pages never redo that work per request.</summary>
public sealed record ArticleRecord(
    string Id,
    string SourceFile,
    Digest Digest,
    string Slug,
    string Excerpt,
    string EventsHtml,
    int EventCount,
    string Language,
    SearchDocument Search);
