namespace NewsDigest.Core.Ingestion;

/// <summary>
/// Paths the file watcher reported, held back until they settle: Created fires before a file
/// is fully written, followed by several Changed. A path is ready once no event came for the
/// settle time and its size and mtime did not move between two looks.
/// </summary>
public sealed class PendingChanges(TimeSpan settle)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public void Record(string fullPath, DateTimeOffset now)
    {
        lock (_gate)
        {
            _entries[fullPath] = new Entry(now, null);
        }
    }

    /// <summary>Removes and returns the paths that have settled (deleted paths settle at once).</summary>
    public IReadOnlyList<string> TakeSettled(DateTimeOffset now)
    {
        var ready = new List<string>();
        lock (_gate)
        {
            foreach (var (path, entry) in _entries.ToList())
            {
                if (now - entry.LastEvent < settle)
                {
                    continue;
                }

                var stamp = Stamp(path);
                if (stamp is null || stamp == entry.LastStamp)
                {
                    ready.Add(path);
                    _entries.Remove(path);
                }
                else
                {
                    // Still moving: look again after another settle period.
                    _entries[path] = new Entry(now, stamp);
                }
            }
        }

        return ready;
    }

    private static (long, DateTime)? Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : null;
    }

    private sealed record Entry(DateTimeOffset LastEvent, (long, DateTime)? LastStamp);
}
