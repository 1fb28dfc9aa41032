namespace NewsDigest.Core.Storage;

/// <summary>The scans are failing: the last one's reason, when the failures began (the first failed
/// run since the last good one) and when the last one ran. Times are ISO-8601 UTC.</summary>
public sealed class ScanFailure
{
    public string Reason { get; init; } = "";

    public string Since { get; init; } = "";

    public string CheckedAt { get; init; } = "";
}
