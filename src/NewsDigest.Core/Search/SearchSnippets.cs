using NewsDigest.Core.Storage;

namespace NewsDigest.Core.Search;

/// <summary>Search results show the title and a snippet around the best match, marked.</summary>
internal static class SearchSnippets
{
    public static void Mark(IReadOnlyList<ArticleListItem> items, IReadOnlyList<ArticleText> texts, SearchQuery query)
    {
        var bySeq = texts.ToDictionary(t => t.Seq);
        foreach (var item in items)
        {
            item.MarkedTitle = SearchHighlighter.Highlight(item.Title, query.Terms);
            if (bySeq.TryGetValue(item.Seq, out var row))
            {
                // Prefer the article text; a match only in the events summary still gets a snippet.
                var snippet = SearchHighlighter.Snippet(row.Text, query.Terms);
                if (!snippet.HasMarks)
                {
                    var fromEvents = SearchHighlighter.Snippet(row.EventsMarkdown, query.Terms);
                    snippet = fromEvents.HasMarks ? fromEvents : snippet;
                }

                item.MarkedSnippet = snippet;
            }
        }
    }
}
