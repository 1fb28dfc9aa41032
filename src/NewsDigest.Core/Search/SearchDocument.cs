using NewsDigest.Core.Parsing;

namespace NewsDigest.Core.Search;

/// <summary>The four weighted columns of an article's search entry, already turned into index
/// tokens: tokenising is the costly part of ingestion, so it runs before the write transaction.</summary>
public sealed record SearchDocument(string Title, string Tags, string Events, string Body)
{
    public static SearchDocument For(Digest digest) => For(
        digest.Title,
        string.Join(' ', digest.Industries.Concat(digest.Technologies).Concat(digest.Keywords)),
        digest.EventsMarkdown,
        digest.Text);

    /// <summary>From the stored fields; <paramref name="tags"/> are the tag values joined by spaces,
    /// industries first, then technologies, then keywords.</summary>
    public static SearchDocument For(string title, string tags, string eventsMarkdown, string text) => new(
        SearchTextAnalyzer.ToIndexText(title),
        SearchTextAnalyzer.ToIndexText(tags),
        SearchTextAnalyzer.ToIndexText(eventsMarkdown),
        SearchTextAnalyzer.ToIndexText(text));
}
