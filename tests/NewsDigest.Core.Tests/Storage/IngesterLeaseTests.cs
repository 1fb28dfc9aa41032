using NewsDigest.Core.Storage;
using NewsDigest.Core.Tests.Engines;
using NewsDigest.Core.Tests.Ingestion;

namespace NewsDigest.Core.Tests.Storage;

/// <summary>The ingester lease on each engine: two nodes on one database, one of which ingests, and
/// the other takes over once the holder lets go or its connection dies.</summary>
public abstract class IngesterLeaseTests : IDisposable
{
    private readonly IngestionHarness _first;
    private readonly IngestionHarness _second;

    protected IngesterLeaseTests()
    {
        _first = new(engine: RunsOnAttribute.EngineOf(GetType()));
        _second = new(_first.StorageSettings);
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    private IIngesterLease First => _first.Get<IIngesterLease>();

    private IIngesterLease Second => _second.Get<IIngesterLease>();

    [EngineFact]
    public void Of_two_nodes_on_one_database_only_one_holds_the_lease()
    {
        Assert.True(First.TryHold());
        Assert.False(Second.TryHold());
        Assert.True(First.TryHold());
        Assert.False(Second.TryHold());
    }

    [EngineFact]
    public void A_released_lease_goes_to_the_other_node_which_then_keeps_it()
    {
        Assert.True(First.TryHold());
        Assert.False(Second.TryHold());

        First.Release();

        Assert.True(Second.TryHold());
        Assert.False(First.TryHold());
    }

    [EngineFact]
    public void A_node_that_stops_frees_the_lease_for_the_other()
    {
        Assert.True(First.TryHold());
        Assert.False(Second.TryHold());

        First.Dispose();

        Assert.True(Second.TryHold());
    }

    /// <summary>The suite on SQLite: a lock file beside the database.</summary>
    public sealed class OnSqlite : IngesterLeaseTests;

    /// <summary>The suite on PostgreSQL: an advisory lock on a session of its own.</summary>
    [RunsOn(StorageEngine.Postgres)]
    public sealed class OnPostgres : IngesterLeaseTests
    {
        /// <summary>A node killed or cut off from the network: the server ends its session.</summary>
        [EngineFact]
        public void A_holder_whose_session_dies_notices_and_the_other_node_takes_over()
        {
            Assert.True(First.TryHold());
            Assert.False(Second.TryHold());

            var terminated = _second.Scalar<bool>("""
                SELECT pg_terminate_backend(pid) FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """);

            Assert.True(terminated);
            Assert.False(First.TryHold());
            Assert.True(Second.TryHold());
            Assert.False(First.TryHold());
        }
    }
}
