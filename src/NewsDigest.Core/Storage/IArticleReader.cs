namespace NewsDigest.Core.Storage;

/// <summary>Reads of articles and tags. Lists, facets and related articles are worked out in
/// memory from <see cref="ReadListIndexRows"/>; the rest reads rows by id or seq.</summary>
public interface IArticleReader
{
    int Count();

    /// <summary>One whole article with its tags; null if there is no such id.</summary>
    ArticleDetail? Get(string id);

    /// <summary>The slug of an article's permalink; null if there is no such article.</summary>
    string? SlugOf(string id);

    /// <summary>Whole articles without their long text (for feeds), in the order of the ids given;
    /// ids with no article are left out.</summary>
    IReadOnlyList<ArticleDetail> GetMany(IReadOnlyList<string> ids);

    /// <summary>List rows with their tags for these seqs, in that order; seqs with no article are left out.</summary>
    IReadOnlyList<ArticleListItem> ListItems(IReadOnlyList<long> seqs);

    /// <summary>The long texts of these articles, in any order.</summary>
    IReadOnlyList<ArticleText> Texts(IReadOnlyList<long> seqs);

    /// <summary>A page of every article's permalink parts and last change, oldest first.</summary>
    IReadOnlyList<SitemapEntry> SitemapEntries(int offset, int limit);

    /// <summary>The stored spelling of a tag, matched as filters match; null if no article has it.</summary>
    string? FindTag(TagKind kind, string value);

    /// <summary>Every article's place in the list and its tags, in one consistent read.</summary>
    ListIndexRows ReadListIndexRows();
}
