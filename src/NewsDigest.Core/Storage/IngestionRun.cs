namespace NewsDigest.Core.Storage;

/// <summary>Counts of one scan of the seeds folder.</summary>
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
}
