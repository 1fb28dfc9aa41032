using NewsDigest.Core.Parsing;

namespace NewsDigest.Core.Search;

/// <summary>
/// An article's search entry, already turned into index tokens (tokenising is the costly part of
/// ingestion, so it runs before the write transaction): the four weighted columns of
/// article_search, and <see cref="Grams"/>, the distinct trigrams of all four for article_grams.
/// </summary>
public sealed record SearchDocument(string Title, string Tags, string Events, string Body, string Grams)
{
    // One set per thread, cleared after each use: a long article has a thousand or more trigrams,
    // and a new set for each of 10,000 articles grew and dropped a gigabyte of garbage.
    [ThreadStatic]
    private static HashSet<long>? _threadTrigrams;

    public static SearchDocument For(Digest digest) => For(
        digest.Title,
        string.Join(' ', digest.Industries.Concat(digest.Technologies).Concat(digest.Keywords)),
        digest.EventsMarkdown,
        digest.Text);

    /// <summary>From the stored fields; <paramref name="tags"/> are the tag values joined by spaces,
    /// industries first, then technologies, then keywords.</summary>
    public static SearchDocument For(string title, string tags, string eventsMarkdown, string text)
    {
        var trigrams = _threadTrigrams ??= [];
        try
        {
            return new(
                SearchTextAnalyzer.ToIndexText(title, trigrams),
                SearchTextAnalyzer.ToIndexText(tags, trigrams),
                SearchTextAnalyzer.ToIndexText(eventsMarkdown, trigrams),
                SearchTextAnalyzer.ToIndexText(text, trigrams),
                Trigrams.ToText(trigrams));
        }
        finally
        {
            trigrams.Clear();
        }
    }
}
