using NewsDigest.Core.Parsing;

namespace NewsDigest.Core.Search;

/// <summary>The four weighted columns of an article's search entry, already turned into index
/// tokens: tokenising is the costly part of ingestion, so it runs before the write transaction.</summary>
public sealed record SearchDocument(string Title, string Tags, string Events, string Body)
{
    public static SearchDocument For(Digest digest) => new(
        SearchTextAnalyzer.ToIndexText(digest.Title),
        SearchTextAnalyzer.ToIndexText(string.Join(' ', digest.Industries.Concat(digest.Technologies).Concat(digest.Keywords))),
        SearchTextAnalyzer.ToIndexText(digest.EventsMarkdown),
        SearchTextAnalyzer.ToIndexText(digest.Text));
}
