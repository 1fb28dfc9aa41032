using System.Text.Json;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Api;

/// <summary>GET /api/ingestion: the last run's counts, every known file with its status, the
/// story clusters (articles that cover the same story), and the faults: why scans are failing,
/// folders that cannot be listed, and runs that were cut off.</summary>
public static class IngestionApi
{
    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ingestion", Get)
            .WithTags("Ingestion")
            .ProducesApiErrors()
            .WithSummary("The last scan's counts and every known file with its status")
            .CacheOutput(ResponseCaching.IngestionReport)
            .WithMetadata(new ClientCacheAttribute(30, followsIngestionReport: true));
        return app;
    }

    private static IngestionJson Get(IngestionLog log, StoryClusterStore storyClusters)
    {
        var run = log.LastRun();
        var failure = log.CurrentFailure();
        return new IngestionJson(
            run is null ? null : new RunJson(run.StartedAt, run.FinishedAt, run.Added, run.Updated, run.Unchanged, run.Removed, run.Rejected, run.Unreadable),
            log.Files().Select(f => new FileJson(
                f.Path,
                f.Status,
                f.Reason,
                f.Line,
                f.Warnings is null ? [] : JsonSerializer.Deserialize<string[]>(f.Warnings) ?? [],
                f.ArticleId,
                f.DuplicateOf)).ToList(),
            storyClusters.All().Select(c => new ClusterJson(c.Members.Select(m => new ClusterArticleJson(
                m.Id, m.Title, ArticleJsonMapping.Permalink(m.Id, m.Slug), m.Link, m.LinkHost, m.Date, m.SourceFile)).ToList())).ToList(),
            failure is null ? null : new ScanErrorJson(failure.Reason, failure.Since, failure.CheckedAt),
            log.UnreadableFolders().Select(f => new UnreadableFolderJson(f.Path, f.Reason, f.Since)).ToList(),
            log.InterruptedRuns().Select(r => new InterruptedRunJson(r.StartedAt, r.InterruptedAt!)).ToList());
    }
}

public sealed record IngestionJson(
    RunJson? LastRun,
    IReadOnlyList<FileJson> Files,
    IReadOnlyList<ClusterJson> Clusters,
    ScanErrorJson? ScanError,
    IReadOnlyList<UnreadableFolderJson> UnreadableFolders,
    IReadOnlyList<InterruptedRunJson> InterruptedRuns);

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

public sealed record FileJson(
    string File, string Status, string? Reason, int? Line, IReadOnlyList<string> Warnings, string? ArticleId, string? DuplicateOf);
