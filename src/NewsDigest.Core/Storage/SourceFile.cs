namespace NewsDigest.Core.Storage;

/// <summary>One file of the seeds folder as the ingestion log knows it.</summary>
public sealed class SourceFile
{
    /// <summary>Relative to the seeds folder, '/' separated.</summary>
    public string Path { get; init; } = "";

    public long Size { get; set; }

    /// <summary>Last write time, ISO-8601 UTC.</summary>
    public string Mtime { get; set; } = "";

    public string? Sha256 { get; set; }

    public SourceFileStatus Status { get; set; }

    public string? Reason { get; set; }

    public int? Line { get; set; }

    /// <summary>JSON array of warning strings, or null.</summary>
    public string? Warnings { get; set; }

    public string? ArticleId { get; set; }

    public string? DuplicateOf { get; set; }

    public long RunId { get; set; }

    public string UpdatedAt { get; set; } = "";
}
