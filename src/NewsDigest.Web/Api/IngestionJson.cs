namespace NewsDigest.Web.Api;

/// <summary>JSON shapes of /api/ingestion and /api/ingestion/clusters. Field names are a public contract: keep them.</summary>
/// <param name="LastRun">The last scan that finished, null before the first.</param>
/// <param name="Total">Files that match the filter (every known file when there is none).</param>
/// <param name="Page">The page number.</param>
/// <param name="PageSize">Files per page.</param>
/// <param name="PageCount">How many pages there are (at least 1).</param>
/// <param name="Next">The next page's address, null on the last.</param>
/// <param name="Prev">The previous page's address, null on the first.</param>
/// <param name="Files">This page of them, newest first.</param>
/// <param name="ProblemFiles">Files with a problem of any kind.</param>
/// <param name="Reasons">How many files have each kind of problem.</param>
/// <param name="Clusters">The newest story clusters (the first page of /api/ingestion/clusters).</param>
/// <param name="ClusterCount">How many story clusters there are in all.</param>
/// <param name="ClustersNext">The next page of clusters, or null when <paramref name="Clusters"/> holds them all.</param>
/// <param name="ScanError">Why scans are failing, null while they are not.</param>
/// <param name="UnreadableFolders">Every folder that cannot be listed.</param>
/// <param name="InterruptedRuns">The latest scans cut off before they finished.</param>
/// <param name="Node">The node that answered, and whether it is the one that ingests.</param>
public sealed record IngestionJson(
    RunJson? LastRun,
    int Total,
    int Page,
    int PageSize,
    int PageCount,
    string? Next,
    string? Prev,
    IReadOnlyList<FileJson> Files,
    int ProblemFiles,
    IReadOnlyList<ReasonCountJson> Reasons,
    IReadOnlyList<ClusterJson> Clusters,
    int ClusterCount,
    string? ClustersNext,
    ScanErrorJson? ScanError,
    IReadOnlyList<UnreadableFolderJson> UnreadableFolders,
    IReadOnlyList<InterruptedRunJson> InterruptedRuns,
    NodeJson Node);

/// <summary>The portal process that answered: several may share one database, one of them ingesting.</summary>
/// <param name="Name">NewsDigest:NodeName (the host name by default).</param>
/// <param name="IsIngester">True when this node holds the ingester lease and scans the digest folder.</param>
public sealed record NodeJson(string Name, bool IsIngester);

/// <summary>One known file: what the last scan that saw it did, and why when it is not taken.</summary>
/// <param name="File">The path relative to the seeds folder.</param>
/// <param name="Status">added, updated, unchanged, rejected, removed or unreadable.</param>
/// <param name="Reason">Why it is rejected or unreadable; null otherwise.</param>
/// <param name="Line">The line the reason is about (0: the whole file); null when it has no reason.</param>
/// <param name="Warnings">Problems that did not stop the file from being taken.</param>
/// <param name="ArticleId">Its article, when it has one online.</param>
/// <param name="DuplicateOf">The earlier article with the same link, decided when the file was taken.</param>
/// <param name="ReasonKinds">The kinds of problem the file is listed under (its reason's, or its warnings').</param>
/// <param name="UpdatedAt">When ingestion last recorded a change of the file: the order of the list.</param>
public sealed record FileJson(
    string File,
    string Status,
    string? Reason,
    int? Line,
    IReadOnlyList<string> Warnings,
    string? ArticleId,
    string? DuplicateOf,
    IReadOnlyList<string> ReasonKinds,
    string UpdatedAt);

/// <summary>How many files have one kind of problem.</summary>
/// <param name="Kind">The kind, as the reason parameter takes it (e.g. no-title).</param>
/// <param name="Problem">rejected, unreadable or warning.</param>
/// <param name="Count">How many files have it.</param>
public sealed record ReasonCountJson(string Kind, string Problem, int Count);

/// <summary>A page of story clusters.</summary>
public sealed record ClusterPageJson(
    int Total, int Page, int PageSize, int PageCount, IReadOnlyList<ClusterJson> Clusters, string? Next, string? Prev);

/// <summary>Articles that cover the same story, newest first.</summary>
public sealed record ClusterJson(IReadOnlyList<ClusterArticleJson> Articles);

public sealed record ClusterArticleJson(string Id, string Title, string Url, string? Link, string? Source, string Date, string File);

public sealed record RunJson(string StartedAt, string? FinishedAt, int Added, int Updated, int Unchanged, int Removed, int Rejected, int Unreadable);

/// <summary>Scans are failing (the seeds folder missing or unreadable): the reason, since when, and
/// when the last one ran.</summary>
public sealed record ScanErrorJson(string Reason, string Since, string CheckedAt);

public sealed record UnreadableFolderJson(string Folder, string Reason, string Since);

/// <summary>A run cut off before it finished, and when that was noticed.</summary>
public sealed record InterruptedRunJson(string StartedAt, string InterruptedAt);
