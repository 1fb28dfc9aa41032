using NewsDigest.Core.Storage;

namespace NewsDigest.Core.Ingestion;

/// <summary>What one scan did: the run's counts plus each file that was rejected or taken with
/// warnings, for the batch command's summary.</summary>
public sealed record ScanReport(IngestionRun Run, IReadOnlyList<FileProblem> Problems)
{
    public IEnumerable<FileProblem> Rejected => Problems.Where(p => p.Rejected);
}

/// <summary>A file that was rejected (Rejected = true) or taken with a warning.</summary>
public sealed record FileProblem(string File, int? Line, string Reason, bool Rejected);

/// <summary>Progress of a scan in files, for a terminal progress bar.</summary>
public readonly record struct ScanProgress(int Done, int Total);
