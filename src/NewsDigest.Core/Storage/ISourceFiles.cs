namespace NewsDigest.Core.Storage;

/// <summary>What ingestion knows of each file of the seeds folder, and of folders it cannot list:
/// what /api/ingestion and the ingestion page report. Written through <see cref="IScanWriter"/>.</summary>
public interface ISourceFiles
{
    /// <summary>Every known file by path, removed ones included.</summary>
    Dictionary<string, SourceFile> LoadAll();

    /// <summary>
    /// A page of known files, newest first: by when ingestion last recorded a change of the file
    /// (so the problem that arrived last comes first), then by path.
    /// </summary>
    SourceFilePage Files(SourceFileQuery query);

    /// <summary>How many known files have each kind of problem (kinds without files left out), in
    /// the order of <see cref="Ingestion.ReasonKinds.All"/>.</summary>
    IReadOnlyList<ReasonCount> ReasonCounts();

    /// <summary>How many known files have a problem of any kind.</summary>
    int ProblemFileCount();

    /// <summary>How many files the folder holds, as far as ingestion knows (removed ones not counted).</summary>
    int FileCount();

    /// <summary>Folders that cannot be listed, by path.</summary>
    IReadOnlyList<UnreadableFolder> UnreadableFolders();

    /// <summary>Forgets files reported as removed by an earlier run: each removal is reported once.</summary>
    void ForgetRemoved(long currentRunId);
}
