namespace NewsDigest.Core.Ingestion;

/// <summary>What is wrong with a file (or folder) a scan reports.</summary>
public enum FileProblemKind
{
    /// <summary>Read, but not taken: the reason says why.</summary>
    Rejected,

    /// <summary>The file cannot be read, or the folder cannot be listed; what it held stays online.</summary>
    Unreadable,

    /// <summary>Taken, with a warning.</summary>
    Warning,
}
