using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsDigest.Core.Insights;
using NewsDigest.Core.Listing;
using NewsDigest.Core.Storage;

namespace NewsDigest.Core.Ingestion;

/// <summary>
/// Keeps the database in step with the seeds folder while the portal runs, on the one node that
/// holds the ingester lease (<see cref="IIngesterLease"/>): a full scan when it takes the lease,
/// then a FileSystemWatcher as a hint (debounced per path) and a periodic full rescan as the truth,
/// at once after a watcher error (inotify overflows drop events). The other nodes ask for the lease
/// every NewsDigest:IngesterRetrySeconds and take over, from what the database holds, when the
/// ingester dies.
/// </summary>
public sealed class IngestionService(
    Ingester ingester,
    IIngesterLease lease,
    DataChanges changes,
    ListIndexCache listIndex,
    InsightsReports insights,
    IStoryClusters storyClusters,
    IOptions<NewsDigestOptions> options,
    TimeProvider time,
    ILogger<IngestionService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);
    private readonly PendingChanges _pending = new(TimeSpan.FromMilliseconds(options.Value.SettleMilliseconds));
    private volatile bool _rescanRequested;
    private volatile bool _isIngester;
    private bool _roleLogged;
    private readonly TaskCompletionSource _firstScan = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>This node's name (NewsDigest:NodeName).</summary>
    public string NodeName => options.Value.NodeName;

    /// <summary>True while this node holds the lease and ingests.</summary>
    public bool IsIngester => _isIngester;

    /// <summary>True once this node has a settled start (readiness): the ingester's start-up scan has
    /// finished, or another node ingests, so there is no start-up scan to wait for here.</summary>
    public bool FirstScanCompleted => _firstScan.Task.IsCompleted;

    /// <summary>Completes when <see cref="FirstScanCompleted"/> becomes true, or the service stops.</summary>
    public Task FirstScan => _firstScan.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting: the portal serves requests while the first scan runs.
        await Task.Yield();
        var retry = TimeSpan.FromSeconds(Math.Max(1, options.Value.IngesterRetrySeconds));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (lease.TryHold())
                {
                    SetRole(true);
                    await IngestWhileHeld(retry, stoppingToken);
                    if (!stoppingToken.IsCancellationRequested)
                    {
                        logger.LogWarning("Node {Node} lost the ingester lease (its database connection dropped); it stops ingesting and asks again every {Seconds} s", NodeName, retry.TotalSeconds);
                        SetRole(false);
                    }

                    continue;
                }

                SetRole(false);
                _firstScan.TrySetResult();
                if (!await Wait(retry, stoppingToken))
                {
                    break;
                }
            }
        }
        finally
        {
            _isIngester = false;
            lease.Release();
        }
    }

    /// <summary>Logs the role when it changes (and once at start), and lets the ingestion report,
    /// which shows it, follow.</summary>
    private void SetRole(bool isIngester)
    {
        if (_roleLogged && isIngester == _isIngester)
        {
            return;
        }

        _isIngester = isIngester;
        if (isIngester)
        {
            logger.LogInformation("Node {Node} is the ingester of {Folder}", NodeName, ingester.Root);
        }
        else if (!_roleLogged)
        {
            logger.LogInformation("Node {Node} serves without ingesting: another node holds the ingester lease; it asks again every {Seconds} s", NodeName, options.Value.IngesterRetrySeconds);
        }

        _roleLogged = true;
        changes.Announce(DataChange.Report);
    }

    /// <summary>Scans while this node holds the lease; returns when it is lost or the portal stops.</summary>
    private async Task IngestWhileHeld(TimeSpan retry, CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.RescanIntervalSeconds));
        await FullScan(stoppingToken);
        _firstScan.TrySetResult();

        using var watcher = options.Value.WatchFolder ? CreateWatcher() : null;
        var nextRescan = time.GetUtcNow() + interval;
        var nextLeaseCheck = time.GetUtcNow() + retry;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await Wait(Tick, stoppingToken))
            {
                return;
            }

            var now = time.GetUtcNow();
            if (now >= nextLeaseCheck)
            {
                if (!lease.TryHold())
                {
                    return;
                }

                nextLeaseCheck = now + retry;
            }

            if (_rescanRequested || now >= nextRescan)
            {
                _rescanRequested = false;
                await FullScan(stoppingToken);
                nextRescan = time.GetUtcNow() + interval;
                continue;
            }

            var ready = _pending.TakeSettled(now);
            if (ready.Count > 0)
            {
                await ScanPaths(ready, stoppingToken);
            }
        }
    }

    /// <summary>False when the portal stops during the wait.</summary>
    private async Task<bool> Wait(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        _firstScan.TrySetResult();
        return base.StopAsync(cancellationToken);
    }

    /// <summary>Builds what the pages keep in memory for the data a scan left (the list index, the
    /// order of the stories, the report of /insights for every article) when it changed, so that the
    /// first reader after a change does not wait for it: about 0.2 s at 100,000 articles.</summary>
    private void PrepareReaders()
    {
        listIndex.Load();
        insights.For(new ArticleFilter());
        storyClusters.LoadOrder();
    }

    private async Task FullScan(CancellationToken stoppingToken)
    {
        try
        {
            await ingester.ScanAsync(cancellationToken: stoppingToken);
            PrepareReaders();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is DirectoryNotFoundException or UnauthorizedAccessException)
        {
            // The folder is missing or cannot be listed: an operator's matter, not a bug, and it
            // repeats at every rescan, so one line without a stack trace. Nothing is removed.
            logger.LogWarning("Ingestion scan of {Folder} failed: {Reason} The articles stay; the next rescan tries again", ingester.Root, e.Message);
        }
        catch (Exception e)
        {
            // Any other failure (disk error) must not stop the portal either; the next rescan tries again.
            logger.LogError(e, "Ingestion scan of {Folder} failed", ingester.Root);
        }
    }

    private async Task ScanPaths(IReadOnlyList<string> fullPaths, CancellationToken stoppingToken)
    {
        if (fullPaths.Any(Directory.Exists))
        {
            // A folder appeared, moved or was renamed: only a full scan sees what is inside.
            await FullScan(stoppingToken);
            return;
        }

        var relative = fullPaths.Select(ingester.RelativePath).Where(p => !p.StartsWith("..", StringComparison.Ordinal)).ToList();
        try
        {
            await ingester.ScanPathsAsync(relative, stoppingToken);
            PrepareReaders();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Ingestion of changed files failed; the next full rescan retries");
        }
    }

    private FileSystemWatcher? CreateWatcher()
    {
        try
        {
            var watcher = new FileSystemWatcher(ingester.Root)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size | NotifyFilters.LastWrite,
                InternalBufferSize = 64 * 1024,
            };
            FileSystemEventHandler changed = (_, e) => _pending.Record(e.FullPath, time.GetUtcNow());
            watcher.Created += changed;
            watcher.Changed += changed;
            watcher.Deleted += changed;
            watcher.Renamed += (_, e) =>
            {
                _pending.Record(e.OldFullPath, time.GetUtcNow());
                _pending.Record(e.FullPath, time.GetUtcNow());
            };
            watcher.Error += (_, e) =>
            {
                logger.LogWarning(e.GetException(), "File watcher error; rescanning the whole folder");
                _rescanRequested = true;
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            // Out of inotify instances, or the folder is missing: periodic rescans still run.
            logger.LogWarning(e, "Cannot watch {Folder}; relying on periodic rescans", ingester.Root);
            return null;
        }
    }
}
