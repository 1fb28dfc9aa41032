namespace NewsDigest.Core.Storage;

/// <summary>
/// The one place where "the data changed" is announced, and the version it is at. Whatever keeps
/// data in memory (the list index, cached searches and insights, the story order, cached pages)
/// keys it by <see cref="Version"/> or listens to <see cref="Changed"/>. Ingestion announces its
/// commits here; in a single process that is every change there is.
/// </summary>
public sealed class DataChanges
{
    private long _version;

    /// <summary>Moves forward with every announced change of articles, tags or stories.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Raised after each announcement, on the announcing thread.</summary>
    public event Action<DataChange>? Changed;

    public void Announce(DataChange change)
    {
        if (change.HasFlag(DataChange.Articles))
        {
            Interlocked.Increment(ref _version);
        }

        Changed?.Invoke(change);
    }
}
