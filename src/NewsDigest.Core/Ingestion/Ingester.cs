using System.Data.Common;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NewsDigest.Core.Parsing;
using NewsDigest.Core.Rendering;
using NewsDigest.Core.Storage;

namespace NewsDigest.Core.Ingestion;

/// <summary>
/// Brings the database in step with the seeds folder: new files are added, changed ones updated
/// in place (same id), deleted ones removed, bad ones recorded with their reason, and files that
/// cannot be read (or whose folder cannot be listed) marked unreadable with their articles kept.
/// It only ever reads the folder. One scan writes at a time; a file's article and its record
/// always commit together (<see cref="IScanWriter"/>).
/// </summary>
public sealed class Ingester(
    IDatabase database,
    IIngestionRuns runs,
    ISourceFiles files,
    IStoryClusters storyClusters,
    DataChanges changes,
    DigestParser parser,
    MarkdownRenderer renderer,
    NewsDigestOptions options,
    TimeProvider time,
    ILogger<Ingester> logger)
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private bool _openRunsClosed;

    // Written by the scan, read by readiness probes on other threads.
    private volatile ScanFailure? _folderError;

    public string Root { get; } = Path.GetFullPath(options.SeedsPath);

    /// <summary>Why the seeds folder cannot be scanned (missing or unreadable) and since when; null
    /// once a scan could list it. Readiness reports it.</summary>
    public ScanFailure? FolderError => _folderError;

    /// <summary>A full scan: the source of truth.</summary>
    public Task<ScanReport> ScanAsync(IProgress<ScanProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunExclusive(null, progress, cancellationToken);

    /// <summary>Only the given paths (relative to the root, '/' separated), as the watcher reports them.</summary>
    public Task<ScanReport> ScanPathsAsync(IReadOnlyCollection<string> relativePaths, CancellationToken cancellationToken = default) =>
        RunExclusive(relativePaths.ToHashSet(StringComparer.Ordinal), null, cancellationToken);

    public string RelativePath(string fullPath) =>
        Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    private async Task<ScanReport> RunExclusive(
        HashSet<string>? only, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            return await Scan(only, progress, cancellationToken);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>One scan as one run: the run ends finished, failed (with its reason) or interrupted.</summary>
    private async Task<ScanReport> Scan(HashSet<string>? only, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (!_openRunsClosed)
        {
            // This process has started no run yet, so a run still open was cut off by a crash or a kill.
            if (runs.MarkOpenRunsInterrupted(now) is var interrupted and > 0)
            {
                logger.LogWarning("{Count} earlier ingestion runs never finished; marked interrupted", interrupted);
            }

            _openRunsClosed = true;
        }

        var run = runs.StartRun(now);
        if (FolderListing.RootProblem(Root) is { } problem)
        {
            // Never treat a missing or unreadable folder as an empty one: that would remove every article.
            runs.FailRun(run, problem.Message, time.GetUtcNow().UtcDateTime);
            _folderError = runs.CurrentFailure();
            changes.Announce(DataChange.Report);
            throw problem;
        }

        _folderError = null;
        try
        {
            return await ScanFiles(run, only, progress, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            runs.InterruptRun(run, time.GetUtcNow().UtcDateTime);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RecordFailure(run, e);
            throw;
        }
    }

    /// <summary>Ends the run as failed with the scan's error, if the database still takes a write.</summary>
    private void RecordFailure(IngestionRun run, Exception error)
    {
        try
        {
            runs.FailRun(run, error.Message, time.GetUtcNow().UtcDateTime);
            changes.Announce(DataChange.Report);
        }
        catch (DbException e)
        {
            // The scan's own error is the one to report; the run is marked interrupted at the next start.
            logger.LogWarning(e, "Could not record the failure of ingestion run {RunId}", run.Id);
        }
    }

    private async Task<ScanReport> ScanFiles(
        IngestionRun run, HashSet<string>? only, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        var problems = new List<FileProblem>();
        var known = files.LoadAll();
        var listing = only is null ? FolderListing.All(Root) : FolderListing.Only(Root, only);
        var onDisk = listing.Files;
        var changed = false;
        using var writer = database.OpenScanWriter();

        // Removals first, so a file renamed to a name with the same id is re-added, not refused.
        foreach (var file in known.Values.Where(f => f.Status != SourceFileStatus.Removed && !onDisk.ContainsKey(f.Path)))
        {
            // A watched path that vanished may have been a folder: everything under it went too.
            if (only is not null && !only.Contains(file.Path) && !only.Any(p => file.Path.StartsWith(p + "/", StringComparison.Ordinal)))
            {
                continue;
            }

            if (listing.WhyUnseen(file.Path) is { } reason)
            {
                // Not seen because its folder cannot be listed: it may well be there.
                MarkUnreadable(writer, file, reason, run, problems);
            }
            else
            {
                Remove(writer, file, run);
                changed = true;
            }

            writer.CommitIfDue();
        }

        foreach (var (folder, reason) in listing.UnreadableFolders)
        {
            problems.Add(new FileProblem(folder + "/", null, reason, FileProblemKind.Unreadable));
        }

        writer.SaveUnreadableFolders(listing.UnreadableFolders, time.GetUtcNow().UtcDateTime);
        if (only is null)
        {
            writer.ForgetReadableFolders(listing.UnreadableFolders.Keys);
        }

        var unchanged = new List<string>();
        var toRead = new List<(string Path, FileInfo Info)>();
        foreach (var (path, info) in onDisk)
        {
            known.TryGetValue(path, out var previous);
            // Unchanged since last time: not read again. A bad file is tried again only when it
            // changes; an unreadable one at every scan, since a fixed mode or mount changes neither
            // its size nor its mtime.
            if (previous is not null && previous.Status is not (SourceFileStatus.Removed or SourceFileStatus.Unreadable) && previous.Size == Size(info) && previous.Mtime == Mtime(info))
            {
                // A taken file is still opened (not read): a mode or owner change that locks this
                // process out leaves size and mtime as they were.
                if (previous.Status != SourceFileStatus.Rejected && CannotOpen(info) is { } reason)
                {
                    MarkUnreadable(writer, previous, reason, run, problems);
                    continue;
                }

                if (previous.Status == SourceFileStatus.Rejected)
                {
                    run.Rejected++;
                    problems.Add(new FileProblem(path, previous.Line, previous.Reason ?? "", FileProblemKind.Rejected));
                }
                else
                {
                    run.Unchanged++;
                    if (previous.Status != SourceFileStatus.Unchanged)
                    {
                        // Already marked by an earlier run: nothing to write, and a rescan of an
                        // unchanged folder then writes nothing at all.
                        unchanged.Add(path);
                    }
                }

                continue;
            }

            toRead.Add((path, info));
        }

        if (unchanged.Count > 0)
        {
            writer.MarkUnchanged(unchanged, run.Id);
        }

        var done = onDisk.Count - toRead.Count;
        progress?.Report(new ScanProgress(done, onDisk.Count));

        // Reading, hashing, parsing, rendering and tokenising (about 3 ms a file, mostly the
        // sanitiser and the tokeniser) run on the thread pool, several files at once, while the
        // single writer commits. The writer takes the results in path order, so "the later file
        // is the duplicate" holds however the preparations interleave; the bound keeps memory flat.
        var channel = Channel.CreateBounded<Task<FileOutcome>>(
            new BoundedChannelOptions(2 * Environment.ProcessorCount) { SingleReader = true, SingleWriter = true });
        using var stopProducer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var (path, info) in toRead)
                    {
                        stopProducer.Token.ThrowIfCancellationRequested();
                        known.TryGetValue(path, out var previous);
                        await channel.Writer.WriteAsync(Task.Run(() => Prepare(path, info, previous), stopProducer.Token), stopProducer.Token);
                    }
                }
                finally
                {
                    channel.Writer.Complete();
                }
            },
            stopProducer.Token);

        try
        {
            await foreach (var preparing in channel.Reader.ReadAllAsync(cancellationToken))
            {
                var outcome = await preparing;
                known.TryGetValue(outcome.Path, out var previous);
                changed |= Write(writer, outcome, previous, run, problems);
                writer.CommitIfDue();
                progress?.Report(new ScanProgress(++done, onDisk.Count));
            }
        }
        finally
        {
            // If the writer stops early, the producer must not wait forever on a full channel.
            stopProducer.Cancel();
        }

        await producer;

        if (changed)
        {
            writer.DeleteOrphanTags();
        }

        writer.Commit();
        changed |= storyClusters.Refresh(articlesChanged: changed);

        files.ForgetRemoved(run.Id);
        runs.FinishRun(run, time.GetUtcNow().UtcDateTime);
        logger.LogInformation(
            "Ingestion run {RunId}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed, {Rejected} rejected, {Unreadable} unreadable",
            run.Id, run.Added, run.Updated, run.Unchanged, run.Removed, run.Rejected, run.Unreadable);
        changes.Announce(changed ? DataChange.Articles | DataChange.Report : DataChange.Report);
        return new ScanReport(run, problems);
    }

    /// <summary>Everything about one file that needs no database: runs off the writer's thread.</summary>
    private FileOutcome Prepare(string path, FileInfo info, SourceFile? previous)
    {
        var size = Size(info);
        var mtime = Mtime(info);
        try
        {
            if (Directory.Exists(info.FullName))
            {
                return FileOutcome.Reject(path, size, mtime, null, 0, "a link to a folder: folder links are not followed, only files inside the seeds folder are read");
            }

            if (!path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            {
                return FileOutcome.Reject(path, size, mtime, null, 0, "not a digest file: only .txt files are read");
            }

            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null || !target.Exists || !IsInside(target.FullName))
                {
                    return FileOutcome.Reject(path, size, mtime, null, 0, "a symbolic link that points outside the seeds folder (or nowhere)");
                }

                size = ((FileInfo)target).Length;
            }

            if (size > options.MaxFileBytes)
            {
                return FileOutcome.Reject(path, size, mtime, null, 0,
                    $"the file is {size:N0} bytes, over the limit of {options.MaxFileBytes:N0} bytes (NewsDigest:MaxFileBytes)");
            }

            var bytes = File.ReadAllBytes(info.FullName);
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (previous is not null && previous.Status != SourceFileStatus.Removed && previous.Sha256 == sha)
            {
                return FileOutcome.Touched(path, bytes.Length, mtime, sha);
            }

            var digest = parser.Parse(path, bytes);
            var record = ArticleRecord.Derive(path, digest, renderer);
            return FileOutcome.Parsed(path, bytes.Length, mtime, sha, record);
        }
        catch (DigestFormatException e)
        {
            return FileOutcome.Reject(path, size, mtime, null, e.Line, e.Reason);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FileOutcome.CannotRead(path, size, mtime, UnreadableReason(e));
        }
    }

    /// <summary>Why this process cannot open the file for reading, or null when it can.</summary>
    private static string? CannotOpen(FileInfo info)
    {
        try
        {
            using var handle = File.OpenHandle(info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return UnreadableReason(e);
        }
    }

    private static string UnreadableReason(Exception e) => $"the file cannot be read: {e.Message}";

    private bool IsInside(string fullPath) =>
        fullPath.StartsWith(Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Applies one prepared file. True when articles changed.</summary>
    private bool Write(
        IScanWriter writer, FileOutcome outcome, SourceFile? previous, IngestionRun run, List<FileProblem> problems)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var row = new SourceFile
        {
            Path = outcome.Path,
            Size = outcome.Size,
            Mtime = outcome.Mtime,
            Sha256 = outcome.Sha256,
            RunId = run.Id,
            UpdatedAt = Timestamps.Format(now),
            // A file that breaks after it was taken keeps its last good article: nothing is lost.
            ArticleId = previous?.ArticleId,
        };

        if (outcome.Unreadable)
        {
            MarkUnreadable(writer, previous is null || previous.Status == SourceFileStatus.Removed ? row : previous, outcome.Reason!, run, problems);
            return false;
        }

        if (outcome.Article is null && outcome.Reason is null)
        {
            // Touched but identical content: a rejected file stays rejected; a good one, or one that
            // reads again with its article's content, is unchanged.
            var rejected = previous!.Status == SourceFileStatus.Rejected;
            row.Status = rejected ? SourceFileStatus.Rejected : SourceFileStatus.Unchanged;
            row.Reason = rejected ? previous.Reason : null;
            row.Line = rejected ? previous.Line : null;
            row.Warnings = previous.Warnings;
            row.DuplicateOf = previous.DuplicateOf;
            writer.SaveFile(row);
            if (rejected)
            {
                run.Rejected++;
                problems.Add(new FileProblem(row.Path, row.Line, row.Reason ?? "", FileProblemKind.Rejected));
            }
            else
            {
                run.Unchanged++;
            }

            return false;
        }

        if (outcome.Article is null)
        {
            Reject(writer, row, outcome.Line, outcome.Reason!, run, problems);
            return false;
        }

        var article = outcome.Article;
        var owner = writer.SourceFileOf(article.Id);
        if (owner is not null && owner != article.SourceFile)
        {
            Reject(writer, row, 0, $"its article id {article.Id} is already used by {owner}", run, problems);
            return false;
        }

        var warnings = article.Digest.Warnings.Select(w => $"line {w.Line}: {w.Message}").ToList();
        var duplicateOf = article.Digest.Link is null ? null : writer.FirstWithLink(article.Digest.Link, article.Id);
        if (duplicateOf is not null)
        {
            warnings.Add($"possible duplicate of article {duplicateOf}: same link");
        }

        writer.SaveArticle(article, existing: owner is not null, now);
        row.Status = owner is null ? SourceFileStatus.Added : SourceFileStatus.Updated;
        row.ArticleId = article.Id;
        row.DuplicateOf = duplicateOf;
        row.Warnings = warnings.Count == 0 ? null : JsonSerializer.Serialize(warnings);
        writer.SaveFile(row);

        if (owner is null)
        {
            run.Added++;
        }
        else
        {
            run.Updated++;
        }

        foreach (var warning in warnings)
        {
            problems.Add(new FileProblem(row.Path, null, warning, FileProblemKind.Warning));
            logger.LogInformation("Digest {File} taken with a warning: {Warning}", row.Path, warning);
        }

        return true;
    }

    private void Reject(
        IScanWriter writer, SourceFile row, int line, string reason, IngestionRun run, List<FileProblem> problems)
    {
        row.Status = SourceFileStatus.Rejected;
        row.Reason = reason;
        row.Line = line;
        writer.SaveFile(row);
        run.Rejected++;
        problems.Add(new FileProblem(row.Path, line, reason, FileProblemKind.Rejected));
        logger.LogWarning("Digest {File} rejected at line {Line}: {Reason}", row.Path, line, reason);
    }

    /// <summary>Records that a file cannot be read, or is in a folder that cannot be listed. Its
    /// article stays online; the file is read again at every scan until it reads.</summary>
    private void MarkUnreadable(
        IScanWriter writer, SourceFile file, string reason, IngestionRun run, List<FileProblem> problems)
    {
        run.Unreadable++;
        problems.Add(new FileProblem(file.Path, null, reason, FileProblemKind.Unreadable));
        if (file.Status == SourceFileStatus.Unreadable && file.Reason == reason)
        {
            // Already reported so: a rescan writes (and logs) nothing new.
            return;
        }

        if (file.Status == SourceFileStatus.Rejected)
        {
            // The hash then names rejected content: without it the file is parsed again when it
            // reads, not taken for an unchanged good one.
            file.Sha256 = null;
        }

        file.Status = SourceFileStatus.Unreadable;
        file.Reason = reason;
        file.Line = null;
        file.RunId = run.Id;
        file.UpdatedAt = Timestamps.Format(time.GetUtcNow().UtcDateTime);
        writer.SaveFile(file);
        logger.LogWarning("Digest {File} cannot be read; its article {ArticleId} stays: {Reason}", file.Path, file.ArticleId, reason);
    }

    private void Remove(IScanWriter writer, SourceFile file, IngestionRun run)
    {
        if (file.ArticleId is not null && writer.SourceFileOf(file.ArticleId) == file.Path)
        {
            writer.DeleteArticle(file.ArticleId);
        }

        file.Status = SourceFileStatus.Removed;
        file.RunId = run.Id;
        file.Reason = null;
        file.Line = null;
        file.UpdatedAt = Timestamps.Format(time.GetUtcNow().UtcDateTime);
        writer.SaveFile(file);
        run.Removed++;
        logger.LogInformation("Digest {File} removed (article {ArticleId})", file.Path, file.ArticleId);
    }

    /// <summary>Size of a file; 0 for a link to a folder, which has none.</summary>
    private static long Size(FileInfo info) => info.Exists ? info.Length : 0;

    private static string Mtime(FileInfo info) =>
        info.LastWriteTimeUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record FileOutcome(
        string Path, long Size, string Mtime, string? Sha256, ArticleRecord? Article, int Line, string? Reason, bool Unreadable = false)
    {
        public static FileOutcome CannotRead(string path, long size, string mtime, string reason) =>
            new(path, size, mtime, null, null, 0, reason, Unreadable: true);

        public static FileOutcome Parsed(string path, long size, string mtime, string sha, ArticleRecord article) =>
            new(path, size, mtime, sha, article, 0, null);

        public static FileOutcome Touched(string path, long size, string mtime, string sha) =>
            new(path, size, mtime, sha, null, 0, null);

        public static FileOutcome Reject(string path, long size, string mtime, string? sha, int line, string reason) =>
            new(path, size, mtime, sha, null, line, reason);
    }
}
