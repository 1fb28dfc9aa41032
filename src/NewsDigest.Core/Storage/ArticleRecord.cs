using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Parsing;
using NewsDigest.Core.Rendering;
using NewsDigest.Core.Search;

namespace NewsDigest.Core.Storage;

/// <summary>Everything ingestion writes for one article: the parsed digest plus what is derived
/// from it once (rendered events with their anchors and text, slug, excerpt, search tokens) so pages
/// never redo that work per request.</summary>
public sealed record ArticleRecord(
    string Id,
    string SourceFile,
    Digest Digest,
    string Slug,
    string Excerpt,
    RenderedEvents Events,
    string Language,
    SearchDocument Search)
{
    /// <summary>Characters of the list excerpt.</summary>
    public const int ExcerptLength = 220;

    /// <summary>Derives everything from a parsed digest: the one place that says what an article
    /// stores besides its digest (the ingester and the insert-floor benchmark both use it).</summary>
    public static ArticleRecord Derive(string sourceFile, Digest digest, MarkdownRenderer renderer)
    {
        return new ArticleRecord(
            ArticleIds.ForFile(sourceFile),
            sourceFile,
            digest,
            Rendering.Slug.For(digest.Title),
            PlainText.Excerpt(digest.Text.Length > 0 ? digest.Text : digest.EventsMarkdown, ExcerptLength),
            renderer.RenderEvents(digest.EventsMarkdown),
            ContentLanguage.Detect(digest.Title, digest.Text),
            SearchDocument.For(digest));
    }
}
