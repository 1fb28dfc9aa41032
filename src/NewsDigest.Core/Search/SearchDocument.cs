using NewsDigest.Core.Parsing;

namespace NewsDigest.Core.Search;

/// <summary>
/// An article's search entry, already turned into index tokens (tokenising is the costly part of
/// ingestion, so it runs before the write transaction): the four weighted columns of
/// article_search, and <see cref="Grams"/>, the distinct characters and trigrams of the CJK runs of
/// all four for article_grams (<see cref="CjkGrams"/>).
/// </summary>
public sealed record SearchDocument(string Title, string Tags, string Events, string Body, string Grams)
{
    // One set per thread, cleared after each use: a long article has a thousand or more grams,
    // and a new set for each of 10,000 articles grew and dropped a gigabyte of garbage.
    [ThreadStatic]
    private static HashSet<long>? _threadGrams;

    public static SearchDocument For(Digest digest) => For(
        digest.Title,
        string.Join(' ', digest.Industries.Concat(digest.Technologies).Concat(digest.Keywords)),
        digest.EventsMarkdown,
        digest.Text);

    /// <summary>From the stored fields; <paramref name="tags"/> are the tag values joined by spaces,
    /// industries first, then technologies, then keywords.</summary>
    public static SearchDocument For(string title, string tags, string eventsMarkdown, string text)
    {
        var grams = _threadGrams ??= [];
        try
        {
            return new(
                SearchTextAnalyzer.ToIndexText(title, grams),
                SearchTextAnalyzer.ToIndexText(tags, grams),
                SearchTextAnalyzer.ToIndexText(eventsMarkdown, grams),
                SearchTextAnalyzer.ToIndexText(text, grams),
                CjkGrams.ToText(grams));
        }
        finally
        {
            grams.Clear();
        }
    }
}
