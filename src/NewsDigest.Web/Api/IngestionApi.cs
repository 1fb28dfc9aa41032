using System.Text.Json;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Api;

/// <summary>GET /api/ingestion: the last run's counts, every known file with its status, and the
/// story clusters (articles that cover the same story).</summary>
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
        return new IngestionJson(
            run is null ? null : new RunJson(run.StartedAt, run.FinishedAt, run.Added, run.Updated, run.Unchanged, run.Removed, run.Rejected),
            log.Files().Select(f => new FileJson(
                f.Path,
                f.Status,
                f.Reason,
                f.Line,
                f.Warnings is null ? [] : JsonSerializer.Deserialize<string[]>(f.Warnings) ?? [],
                f.ArticleId,
                f.DuplicateOf)).ToList(),
            storyClusters.All().Select(c => new ClusterJson(c.Members.Select(m => new ClusterArticleJson(
                m.Id, m.Title, ArticleJsonMapping.Permalink(m.Id, m.Slug), m.Link, m.LinkHost, m.Date, m.SourceFile)).ToList())).ToList());
    }
}

public sealed record IngestionJson(RunJson? LastRun, IReadOnlyList<FileJson> Files, IReadOnlyList<ClusterJson> Clusters);

/// <summary>Articles that cover the same story, newest first.</summary>
public sealed record ClusterJson(IReadOnlyList<ClusterArticleJson> Articles);

public sealed record ClusterArticleJson(string Id, string Title, string Url, string? Link, string? Source, string Date, string File);

public sealed record RunJson(string StartedAt, string? FinishedAt, int Added, int Updated, int Unchanged, int Removed, int Rejected);

public sealed record FileJson(
    string File, string Status, string? Reason, int? Line, IReadOnlyList<string> Warnings, string? ArticleId, string? DuplicateOf);
