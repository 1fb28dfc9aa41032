using System.Diagnostics;
using NewsDigest.Core.Storage;
using NewsDigest.Core.Storage.Postgres;
using NewsDigest.Core.Tests.Engines;
using NewsDigest.Core.Tests.Ingestion;
using NewsDigest.Tests.Shared;

namespace NewsDigest.Core.Tests.Storage;

/// <summary>Two nodes on one PostgreSQL database: what one commits reaches the other's caches through
/// NOTIFY (or the periodic version check), a node does not hear its own commits again, and a lost
/// listening connection comes back announcing a change.</summary>
public sealed class PostgresChangeListenerTests : IAsyncLifetime
{
    private static readonly TimeSpan Visible = TimeSpan.FromSeconds(5);

    private IngestionHarness? _first;
    private IngestionHarness? _second;

    private IngestionHarness First => _first!;

    private IngestionHarness Second => _second!;

    public Task InitializeAsync()
    {
        if (Tools.SkipReason(Tool.PostgreSql) is null)
        {
            _first = new(engine: StorageEngine.Postgres);
            _second = new(_first.StorageSettings);
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var harness in new[] { _second, _first })
        {
            if (harness is not null)
            {
                await harness.Get<PostgresChangeListener>().StopAsync(CancellationToken.None);
                harness.Dispose();
            }
        }
    }

    [FactNeeding(Tool.PostgreSql)]
    public async Task A_scan_committed_by_one_node_is_listed_by_the_other_within_5_seconds()
    {
        await Second.Get<PostgresChangeListener>().StartAsync(CancellationToken.None);
        Assert.Equal(0, Second.Listing.List(new ArticleFilter()).Total);

        First.Write("001_00000000000000a1.txt", IngestionHarness.Digest("医疗大模型"));
        First.Scan();

        var watch = Stopwatch.StartNew();
        while (Second.Listing.List(new ArticleFilter()).Total != 1)
        {
            Assert.True(watch.Elapsed < Visible, "the second node still lists nothing after 5 s");
            await Task.Delay(50);
        }
    }

    [FactNeeding(Tool.PostgreSql)]
    public async Task A_node_does_not_announce_its_own_commits_a_second_time()
    {
        var listener = First.Get<PostgresChangeListener>();
        await listener.StartAsync(CancellationToken.None);
        await Connected(First);
        var changes = new List<DataChange>();
        First.Get<DataChanges>().Changed += change =>
        {
            lock (changes)
            {
                changes.Add(change);
            }
        };

        First.Write("001_00000000000000a1.txt", IngestionHarness.Digest("医疗大模型"));
        First.Scan();
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        // The scan's commits announce Articles, its end Articles | Report; the NOTIFY of those
        // commits reaching this node's own listener must add nothing.
        Assert.True(First.Scalar<long>("SELECT version FROM data_version") >= 1);
        lock (changes)
        {
            Assert.Single(changes, c => c == (DataChange.Articles | DataChange.Report));
        }
    }

    [FactNeeding(Tool.PostgreSql)]
    public async Task A_lost_listening_connection_reconnects_and_announces_a_change()
    {
        await Second.Get<PostgresChangeListener>().StartAsync(CancellationToken.None);
        await Connected(Second);
        var announced = new TaskCompletionSource<DataChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        Second.Get<DataChanges>().Changed += change => announced.TrySetResult(change);

        Assert.True(Second.Scalar<bool>("""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name = 'newsdigest-listener' AND datname = current_database()
            """));

        var change = await announced.Task.WaitAsync(Visible);
        Assert.True(change.HasFlag(DataChange.Articles));
    }

    /// <summary>Waits until the node's listener has its connection, so that what follows is heard.</summary>
    private static async Task Connected(IngestionHarness node)
    {
        var watch = Stopwatch.StartNew();
        while (node.Scalar<long>("""
            SELECT count(*) FROM pg_stat_activity
            WHERE application_name = 'newsdigest-listener' AND datname = current_database() AND state = 'idle'
            """) == 0)
        {
            Assert.True(watch.Elapsed < Visible, "the listener did not connect");
            await Task.Delay(50);
        }
    }
}
