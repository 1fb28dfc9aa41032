namespace NewsDigest.Core.Storage;

/// <summary>What the last scan did with a file. The lower-case names are the API contract.</summary>
public enum SourceFileStatus
{
    Added,
    Updated,
    Unchanged,
    Rejected,
    Removed,

    /// <summary>The file, or the folder holding it, cannot be read now; its last good article stays.</summary>
    Unreadable,
}
