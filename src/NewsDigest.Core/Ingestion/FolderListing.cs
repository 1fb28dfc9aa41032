namespace NewsDigest.Core.Ingestion;

/// <summary>
/// What one scan can see of the seeds folder: its files by relative path ('/' separated), and each
/// folder that cannot be listed, with the reason. A known file that is not seen is gone only when
/// the nearest of its folders that exists lists without error; otherwise a fault hides it (no
/// permission, a link loop, an I/O error), and a fault must never remove an article.
/// </summary>
internal sealed class FolderListing
{
    private static readonly EnumerationOptions Options = new() { AttributesToSkip = 0, IgnoreInaccessible = false };

    private readonly string _root;

    /// <summary>Folders known to list without error; "" is the root, which every scan checks first.</summary>
    private readonly HashSet<string> _listed = new(StringComparer.Ordinal) { "" };

    private FolderListing(string root) => _root = root;

    public SortedDictionary<string, FileInfo> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Folders that cannot be listed: relative path to reason.</summary>
    public SortedDictionary<string, string> UnreadableFolders { get; } = new(StringComparer.Ordinal);

    /// <summary>Why the seeds folder itself cannot be scanned (missing, or cannot be listed), or null.</summary>
    public static Exception? RootProblem(string root)
    {
        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(root, "*", Options).GetEnumerator();
            entries.MoveNext();
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return new DirectoryNotFoundException($"The seeds folder {root} does not exist.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new IOException($"The seeds folder {root} cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Every file under the root. A manual walk instead of RecurseSubdirectories: a link to
    /// a folder is listed (and rejected) but never followed, so nothing outside the seeds folder is
    /// ever read; and a folder that cannot be listed is recorded, not skipped.</summary>
    public static FolderListing All(string root)
    {
        var listing = new FolderListing(root);
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(root)]);
        while (pending.TryPop(out var directory))
        {
            foreach (var entry in listing.List(directory))
            {
                var path = listing.RelativePath(entry.FullName);
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
                    listing.Files[path] = new FileInfo(entry.FullName);
                }
            }
        }

        return listing;
    }

    /// <summary>Just the given paths (relative to the root), as the watcher reports them.</summary>
    public static FolderListing Only(string root, IEnumerable<string> relativePaths)
    {
        var listing = new FolderListing(root);
        foreach (var path in relativePaths)
        {
            var info = new FileInfo(Path.Combine(root, path));
            if (info.Exists && !IsHidden(path))
            {
                listing.Files[path] = info;
            }
        }

        return listing;
    }

    /// <summary>Why a file that is not in <see cref="Files"/> cannot be seen: the reason of the
    /// folder that cannot be listed, or null when the file is really gone.</summary>
    public string? WhyUnseen(string relativePath)
    {
        var folder = Parent(relativePath);
        while (true)
        {
            if (UnreadableFolders.TryGetValue(folder, out var reason))
            {
                return reason;
            }

            if (_listed.Contains(folder))
            {
                return null;
            }

            try
            {
                using var entries = Directory.EnumerateFileSystemEntries(Path.Combine(_root, folder), "*", Options).GetEnumerator();
                entries.MoveNext();
                _listed.Add(folder);
                return null;
            }
            catch (DirectoryNotFoundException)
            {
                // This folder went too (or is no folder now): ask the one above it.
                folder = Parent(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return UnreadableFolders[folder] = Reason(folder, e);
            }
        }
    }

    private List<FileSystemInfo> List(DirectoryInfo directory)
    {
        var path = RelativePath(directory.FullName);
        try
        {
            var entries = directory.EnumerateFileSystemInfos("*", Options).ToList();
            _listed.Add(path);
            return entries;
        }
        catch (Exception e) when (path.Length > 0 && e is IOException or UnauthorizedAccessException)
        {
            UnreadableFolders[path] = Reason(path, e);
            return [];
        }
    }

    private static string Reason(string folder, Exception e) => $"the folder {folder} cannot be listed: {e.Message}";

    private string RelativePath(string fullPath)
    {
        var path = Path.GetRelativePath(_root, fullPath).Replace(Path.DirectorySeparatorChar, '/');
        return path == "." ? "" : path;
    }

    private static string Parent(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        return slash < 0 ? "" : relativePath[..slash];
    }

    /// <summary>Hidden files and folders (names starting with '.') are editors' and tools' business.</summary>
    private static bool IsHidden(string relativePath) =>
        relativePath.Split('/').Any(part => part.StartsWith('.'));
}
