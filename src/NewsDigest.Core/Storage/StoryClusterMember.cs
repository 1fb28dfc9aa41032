namespace NewsDigest.Core.Storage;

/// <summary>One article of a story cluster, as "also covered by" and the ingestion report list it.</summary>
public sealed class StoryClusterMember
{
    public long Seq { get; init; }

    public long ClusterId { get; init; }

    public string Id { get; init; } = "";

    public string Title { get; init; } = "";

    public string Slug { get; init; } = "";

    public string? Link { get; init; }

    public string? LinkHost { get; init; }

    /// <summary>yyyy-MM-dd: the digest's own date, else the day it was first ingested.</summary>
    public string Date { get; init; } = "";

    public string Language { get; init; } = "zh";

    public string SourceFile { get; init; } = "";
}
