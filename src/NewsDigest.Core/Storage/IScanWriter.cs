namespace NewsDigest.Core.Storage;

/// <summary>
/// The single writer of one ingestion scan (<see cref="IDatabase.OpenScanWriter"/>). Writes go into
/// an open transaction that commits every second or so (<see cref="CommitIfDue"/>) and at the end
/// (<see cref="Commit"/>): a file's article and its record always commit together, so after a
/// crash the files rolled back are simply taken again. Each commit that changed articles is
/// announced on <see cref="DataChanges"/>. Disposing rolls back what was not committed.
/// </summary>
public interface IScanWriter : IDisposable
{
    /// <summary>Which file owns the article with this id, if any.</summary>
    string? SourceFileOf(string id);

    /// <summary>The article (other than <paramref name="exceptId"/>) that first used this link.</summary>
    string? FirstWithLink(string link, string exceptId);

    /// <summary>Inserts or updates the article by id (keeping its place in the list and its first
    /// ingestion time), replaces its tags and its search entry. <paramref name="existing"/>: an
    /// article with this id is stored already.</summary>
    void SaveArticle(ArticleRecord article, bool existing, DateTime now);

    /// <summary>Removes an article, its tag links and its search entry. False if it was not there.</summary>
    bool DeleteArticle(string id);

    /// <summary>Drops tags no article carries any more, so tag pages never list empty tags.</summary>
    void DeleteOrphanTags();

    /// <summary>Records a file and the kinds of problem it has now (none, once it is fine or removed).</summary>
    void SaveFile(SourceFile file);

    /// <summary>Marks many unchanged, previously taken files at once: a rescan of an unchanged
    /// folder must stay cheap.</summary>
    void MarkUnchanged(IReadOnlyCollection<string> paths, long runId);

    /// <summary>Records folders that cannot be listed; a folder already recorded keeps its first time.</summary>
    void SaveUnreadableFolders(IReadOnlyDictionary<string, string> reasons, DateTime now);

    /// <summary>After a full scan: forgets the folders that list again.</summary>
    void ForgetReadableFolders(IEnumerable<string> stillUnreadable);

    /// <summary>Commits when the transaction has been open long enough, or holds much.</summary>
    void CommitIfDue();

    void Commit();
}
