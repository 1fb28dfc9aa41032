using NewsDigest.Core.Storage;

namespace NewsDigest.Core.Ingestion;

/// <summary>What one scan did: the run's counts plus each file that was rejected, unreadable or taken
/// with warnings, and each folder that cannot be listed, for the batch command's summary.</summary>
public sealed record ScanReport(IngestionRun Run, IReadOnlyList<FileProblem> Problems)
{
    public IEnumerable<FileProblem> Rejected => Problems.Where(p => p.Rejected);
}

/// <summary>A file that was rejected, could not be read or was taken with a warning; or a folder
/// (File ends with '/') that cannot be listed.</summary>
public sealed record FileProblem(string File, int? Line, string Reason, FileProblemKind Kind)
{
    public bool Rejected => Kind == FileProblemKind.Rejected;
}

/// <summary>Progress of a scan in files, for a terminal progress bar.</summary>
public readonly record struct ScanProgress(int Done, int Total);
