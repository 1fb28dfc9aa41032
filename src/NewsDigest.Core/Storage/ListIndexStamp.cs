namespace NewsDigest.Core.Storage;

/// <summary>
/// Cheap signs that articles or tags changed: the newest article seq (moves with every added
/// article, even in the middle of a scan) and the last finished ingestion run that added, updated
/// or removed something (catches in-place updates and removals once their run ends).
/// </summary>
internal readonly record struct ListIndexStamp(long MaxSeq, long LastChangeRun);
