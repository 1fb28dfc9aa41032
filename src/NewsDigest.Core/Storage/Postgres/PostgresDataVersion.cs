namespace NewsDigest.Core.Storage.Postgres;

/// <summary>
/// The newest data version (the <c>data_version</c> row) this process has announced on
/// <see cref="DataChanges"/>, whether it committed it itself or heard of it: a version it already
/// announced is not announced again.
/// </summary>
public sealed class PostgresDataVersion
{
    /// <summary>The channel of the NOTIFY sent with each committed batch; its payload is the version.</summary>
    public const string Channel = "newsdigest_data";

    private long _seen = -1;

    /// <summary>The newest version seen; -1 before the first.</summary>
    public long Seen => Interlocked.Read(ref _seen);

    /// <summary>Records <paramref name="version"/>; true when it is newer than any seen before.</summary>
    public bool Advance(long version)
    {
        while (true)
        {
            var seen = Interlocked.Read(ref _seen);
            if (version <= seen)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _seen, version, seen) == seen)
            {
                return true;
            }
        }
    }
}
