namespace NewsDigest.Core.Storage;

/// <summary>Tags of a batch of articles, grouped for lookup by article and kind.</summary>
internal sealed class ArticleTags
{
    private readonly Dictionary<(long, TagKind), List<string>> _byArticle = [];

    public ArticleTags(IEnumerable<(long Seq, string Kind, string Value)> rows)
    {
        foreach (var (seq, kind, value) in rows)
        {
            var key = (seq, TagKinds.FromDatabaseName(kind));
            if (!_byArticle.TryGetValue(key, out var list))
            {
                _byArticle[key] = list = [];
            }

            list.Add(value);
        }
    }

    /// <summary>Sets the article's three tag lists from this batch.</summary>
    public void FillIn(ITaggedArticle article)
    {
        article.Industries = Of(article.Seq, TagKind.Industry);
        article.Technologies = Of(article.Seq, TagKind.Technology);
        article.Keywords = Of(article.Seq, TagKind.Keyword);
    }

    private IReadOnlyList<string> Of(long seq, TagKind kind) =>
        _byArticle.TryGetValue((seq, kind), out var list) ? list : [];
}
