namespace NewsDigest.Core.Storage;

/// <summary>The three tag lists of a digest. The names are the contract: <see cref="TagKinds"/>
/// maps them to the database value and to the query-string parameter.</summary>
public enum TagKind
{
    Industry,
    Technology,
    Keyword,
}
