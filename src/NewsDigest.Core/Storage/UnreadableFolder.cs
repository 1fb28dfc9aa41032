namespace NewsDigest.Core.Storage;

/// <summary>A folder under the seeds folder that cannot be listed, with the reason and since when
/// (ISO-8601 UTC). Its known files are reported <c>unreadable</c> and keep their articles.</summary>
public sealed class UnreadableFolder
{
    /// <summary>Relative to the seeds folder, '/' separated.</summary>
    public string Path { get; init; } = "";

    public string Reason { get; init; } = "";

    public string Since { get; init; } = "";
}
