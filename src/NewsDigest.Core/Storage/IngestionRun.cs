namespace NewsDigest.Core.Storage;

/// <summary>Counts of one scan of the seeds folder, and how it ended: finished, failed (Error, with
/// FinishedAt) or interrupted (InterruptedAt: when the cut-off run was noticed).</summary>
public sealed class IngestionRun
{
    public long Id { get; init; }

    public string StartedAt { get; init; } = "";

    public string? FinishedAt { get; set; }

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Removed { get; set; }

    public int Rejected { get; set; }

    public int Unreadable { get; set; }

    /// <summary>Why the scan failed (the seeds folder missing or unreadable); null when it did not.</summary>
    public string? Error { get; set; }

    /// <summary>When a run that never finished (crash, kill, cancellation) was found so, ISO-8601 UTC.</summary>
    public string? InterruptedAt { get; set; }
}
