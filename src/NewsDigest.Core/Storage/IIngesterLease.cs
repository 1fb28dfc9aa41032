namespace NewsDigest.Core.Storage;

/// <summary>
/// The right to ingest: several portal processes may share one database and one seeds folder, and
/// exactly one of them scans at a time. A node that dies loses the lease with it, so another node
/// takes over; the lease is never a row that a dead node could leave behind.
/// </summary>
public interface IIngesterLease : IDisposable
{
    /// <summary>
    /// Takes the lease if no other node holds it, or confirms this node still holds it. False when
    /// another node holds it, when the database cannot be reached, or when the hold was lost (the
    /// connection it lived on dropped): then this node must stop ingesting and ask again later.
    /// </summary>
    bool TryHold();

    /// <summary>Gives the lease up, so another node can take it at once (a clean stop).</summary>
    void Release();
}
