using NewsDigest.Core.Storage;

namespace NewsDigest.Core.Listing;

/// <summary>
/// The list index of the current version of the data (<see cref="DataChanges"/>), built on first
/// use after a change: building reads every article and tag link, about half a second at
/// 10,000 articles, so one reader builds while the others wait for it.
/// </summary>
public sealed class ListIndexCache(IArticleReader articles, DataChanges changes)
{
    private readonly Lock _build = new();
    private volatile ListIndex? _current;

    internal ListIndex Current
    {
        get
        {
            var version = changes.Version;
            if (_current is { } current && current.Version == version)
            {
                return current;
            }

            lock (_build)
            {
                if (_current is { } built && built.Version == version)
                {
                    return built;
                }

                // Labelled with the version read before the rows: a change announced while they are
                // read makes the next reader build again rather than keep a stale index.
                var rows = articles.ReadListIndexRows();
                _current = new ListIndex(version, rows.NewestFirst, rows.Links, rows.Tags);
                return _current;
            }
        }
    }

    /// <summary>Brings the index up to date now (after a scan), so that the first reader after a
    /// change does not wait for it.</summary>
    public void Load() => _ = Current;
}
