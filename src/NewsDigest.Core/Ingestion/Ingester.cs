using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using NewsDigest.Core.Parsing;
using NewsDigest.Core.Rendering;
using NewsDigest.Core.Search;
using NewsDigest.Core.Storage;

namespace NewsDigest.Core.Ingestion;

/// <summary>
/// Brings the database in step with the seeds folder: new files are added, changed ones updated
/// in place (same id), deleted ones removed, bad ones recorded with their reason. It only ever
/// reads the folder. One scan writes at a time; a file's article and its record always commit
/// together, in a <see cref="WriteBatch"/> of up to a second's files.
/// </summary>
public sealed class Ingester(
    Database database,
    ArticleStore articles,
    SearchIndex searchIndex,
    IngestionLog log,
    StoryClusterStore storyClusters,
    DigestParser parser,
    MarkdownRenderer renderer,
    NewsDigestOptions options,
    TimeProvider time,
    ILogger<Ingester> logger)
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Raised after a scan that changed articles, so caches can be dropped.</summary>
    public event Action? DataChanged;

    /// <summary>Raised after every scan: the ingestion report changed even when no article did.</summary>
    public event Action? ScanFinished;

    public string Root { get; } = Path.GetFullPath(options.SeedsPath);

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

    private async Task<ScanReport> Scan(HashSet<string>? only, IProgress<ScanProgress>? progress, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Root))
        {
            // Never treat a missing folder as an empty one: that would remove every article.
            throw new DirectoryNotFoundException($"The seeds folder {Root} does not exist.");
        }

        using var connection = database.Open();
        var run = log.StartRun(connection, time.GetUtcNow().UtcDateTime);
        var problems = new List<FileProblem>();
        var known = log.LoadAll(connection);
        var onDisk = ListFiles(only);
        var changed = false;
        using var batch = new WriteBatch(connection, searchIndex);
        using var writer = new ArticleWriter(connection);

        // Removals first, so a file renamed to a name with the same id is re-added, not refused.
        foreach (var file in known.Values.Where(f => f.Status != "removed" && !onDisk.ContainsKey(f.Path)))
        {
            // A watched path that vanished may have been a folder: everything under it went too.
            if (only is not null && !only.Contains(file.Path) && !only.Any(p => file.Path.StartsWith(p + "/", StringComparison.Ordinal)))
            {
                continue;
            }

            Remove(connection, writer, batch.Transaction, file, run);
            batch.CommitIfDue();
            changed = true;
        }

        var unchanged = new List<string>();
        var toRead = new List<(string Path, FileInfo Info)>();
        foreach (var (path, info) in onDisk)
        {
            known.TryGetValue(path, out var previous);
            if (previous is not null && previous.Status != "removed" && previous.Size == Size(info) && previous.Mtime == Mtime(info))
            {
                // Unchanged since last time: a bad file is tried again only when it changes.
                if (previous.Status == "rejected")
                {
                    run.Rejected++;
                    problems.Add(new FileProblem(path, previous.Line, previous.Reason ?? "rejected", true));
                }
                else
                {
                    run.Unchanged++;
                    if (previous.Status != "unchanged")
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
            log.MarkUnchanged(connection, batch.Transaction, unchanged, run.Id);
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
                changed |= Write(connection, writer, batch, outcome, previous, run, problems);
                batch.CommitIfDue();
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
            ArticleStore.DeleteOrphanTags(connection, batch.Transaction);
        }

        batch.Commit();
        changed |= storyClusters.Refresh(connection, articlesChanged: changed);

        log.ForgetRemoved(connection, run.Id);
        log.FinishRun(connection, run, time.GetUtcNow().UtcDateTime);
        logger.LogInformation(
            "Ingestion run {RunId}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed, {Rejected} rejected",
            run.Id, run.Added, run.Updated, run.Unchanged, run.Removed, run.Rejected);
        if (changed)
        {
            DataChanged?.Invoke();
        }

        ScanFinished?.Invoke();
        return new ScanReport(run, problems);
    }

    /// <summary>Files under the root (or just the requested ones), keyed by relative path.
    /// Hidden files and folders (names starting with '.') are editors' and tools' business.</summary>
    private SortedDictionary<string, FileInfo> ListFiles(HashSet<string>? only)
    {
        var files = new SortedDictionary<string, FileInfo>(StringComparer.Ordinal);
        if (only is not null)
        {
            foreach (var path in only)
            {
                var info = new FileInfo(Path.Combine(Root, path));
                if (info.Exists && !IsHidden(path))
                {
                    files[path] = info;
                }
            }

            return files;
        }

        // A manual walk instead of RecurseSubdirectories: a link to a folder is listed (and
        // rejected) but never followed, so nothing outside the seeds folder is ever read.
        var enumeration = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true };
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(Root)]);
        while (pending.TryPop(out var directory))
        {
            foreach (var entry in directory.EnumerateFileSystemInfos("*", enumeration))
            {
                var path = RelativePath(entry.FullName);
                if (IsHidden(path))
                {
                    continue;
                }

                if (entry is DirectoryInfo folder && folder.LinkTarget is null)
                {
                    pending.Push(folder);
                }
                else
                {
                    files[path] = new FileInfo(entry.FullName);
                }
            }
        }

        return files;
    }

    private static bool IsHidden(string relativePath) =>
        relativePath.Split('/').Any(part => part.StartsWith('.'));

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
            if (previous is not null && previous.Status != "removed" && previous.Sha256 == sha)
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
            // Size -1 makes the next scan try again even if size and mtime stay the same.
            return FileOutcome.Reject(path, -1, mtime, null, 0, $"the file could not be read: {e.Message}");
        }
    }

    private bool IsInside(string fullPath) =>
        fullPath.StartsWith(Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Applies one prepared file. True when articles changed.</summary>
    private bool Write(
        SqliteConnection connection, ArticleWriter writer, WriteBatch batch, FileOutcome outcome, SourceFile? previous, IngestionRun run, List<FileProblem> problems)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var transaction = batch.Transaction;
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

        if (outcome.Article is null && outcome.Reason is null)
        {
            // Touched but identical content: a rejected file stays rejected, a good one unchanged.
            row.Status = previous!.Status == "rejected" ? "rejected" : "unchanged";
            row.Reason = previous.Reason;
            row.Line = previous.Line;
            row.Warnings = previous.Warnings;
            row.DuplicateOf = previous.DuplicateOf;
            log.Save(connection, transaction, row);
            if (row.Status == "rejected")
            {
                run.Rejected++;
                problems.Add(new FileProblem(row.Path, row.Line, row.Reason ?? "rejected", true));
            }
            else
            {
                run.Unchanged++;
            }

            return false;
        }

        if (outcome.Article is null)
        {
            Reject(connection, transaction, row, outcome.Line, outcome.Reason!, run, problems);
            return false;
        }

        var article = outcome.Article;
        var owner = writer.SourceFileOf(transaction, article.Id);
        if (owner is not null && owner != article.SourceFile)
        {
            Reject(connection, transaction, row, 0, $"its article id {article.Id} is already used by {owner}", run, problems);
            return false;
        }

        var warnings = article.Digest.Warnings.Select(w => $"line {w.Line}: {w.Message}").ToList();
        var duplicateOf = article.Digest.Link is null ? null : writer.FirstWithLink(transaction, article.Digest.Link, article.Id);
        if (duplicateOf is not null)
        {
            warnings.Add($"possible duplicate of article {duplicateOf}: same link");
        }

        var seq = writer.Save(transaction, article, existing: owner is not null, now);
        batch.Index(seq, article.Search, existing: owner is not null);
        row.Status = owner is null ? "added" : "updated";
        row.ArticleId = article.Id;
        row.DuplicateOf = duplicateOf;
        row.Warnings = warnings.Count == 0 ? null : JsonSerializer.Serialize(warnings);
        log.Save(connection, transaction, row);

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
            problems.Add(new FileProblem(row.Path, null, warning, false));
            logger.LogInformation("Digest {File} taken with a warning: {Warning}", row.Path, warning);
        }

        return true;
    }

    private void Reject(
        SqliteConnection connection, SqliteTransaction transaction, SourceFile row, int line, string reason, IngestionRun run, List<FileProblem> problems)
    {
        row.Status = "rejected";
        row.Reason = reason;
        row.Line = line;
        log.Save(connection, transaction, row);
        run.Rejected++;
        problems.Add(new FileProblem(row.Path, line, reason, true));
        logger.LogWarning("Digest {File} rejected at line {Line}: {Reason}", row.Path, line, reason);
    }

    private void Remove(SqliteConnection connection, ArticleWriter writer, SqliteTransaction transaction, SourceFile file, IngestionRun run)
    {
        if (file.ArticleId is not null && writer.SourceFileOf(transaction, file.ArticleId) == file.Path)
        {
            articles.Delete(connection, transaction, file.ArticleId);
        }

        file.Status = "removed";
        file.RunId = run.Id;
        file.Reason = null;
        file.Line = null;
        file.UpdatedAt = Timestamps.Format(time.GetUtcNow().UtcDateTime);
        log.Save(connection, transaction, file);
        run.Removed++;
        logger.LogInformation("Digest {File} removed (article {ArticleId})", file.Path, file.ArticleId);
    }

    /// <summary>Size of a file; 0 for a link to a folder, which has none.</summary>
    private static long Size(FileInfo info) => info.Exists ? info.Length : 0;

    private static string Mtime(FileInfo info) =>
        info.LastWriteTimeUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record FileOutcome(
        string Path, long Size, string Mtime, string? Sha256, ArticleRecord? Article, int Line, string? Reason)
    {
        public static FileOutcome Parsed(string path, long size, string mtime, string sha, ArticleRecord article) =>
            new(path, size, mtime, sha, article, 0, null);

        public static FileOutcome Touched(string path, long size, string mtime, string sha) =>
            new(path, size, mtime, sha, null, 0, null);

        public static FileOutcome Reject(string path, long size, string mtime, string? sha, int line, string reason) =>
            new(path, size, mtime, sha, null, line, reason);
    }
}
