using NewsDigest.Core.Ingestion;

namespace NewsDigest.Core.Storage;

/// <summary>Which known files to list, newest first (by when their status last changed), and which page.</summary>
public sealed record SourceFileQuery
{
    /// <summary>Only files with a problem (rejected, unreadable, or taken with warnings).</summary>
    public bool ProblemsOnly { get; init; }

    /// <summary>Only files with this kind of problem.</summary>
    public ReasonKind? Reason { get; init; }

    /// <summary>Only files with this status.</summary>
    public SourceFileStatus? Status { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}
