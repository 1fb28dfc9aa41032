namespace NewsDigest.Core.Storage;

/// <summary>An article read with its tags (a list item or a whole article): what <see cref="ArticleTags"/> fills in.</summary>
public interface ITaggedArticle
{
    long Seq { get; }

    IReadOnlyList<string> Industries { get; set; }

    IReadOnlyList<string> Technologies { get; set; }

    IReadOnlyList<string> Keywords { get; set; }
}
