using Microsoft.AspNetCore.Http.HttpResults;
using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Api;

/// <summary>GET /api/ingestion: the last run's counts, a page of the known files with their
/// status (newest first, filtered by reason or status), how many files have each kind of
/// problem, the newest story clusters (articles that cover the same story), and the faults: why
/// scans are failing, folders that cannot be listed, and runs that were cut off.
/// GET /api/ingestion/clusters pages through every story cluster.</summary>
public static class IngestionApi
{
    public static IEndpointRouteBuilder MapIngestionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api")
            .WithTags("Ingestion")
            .ProducesApiErrors()
            .CacheOutput(ResponseCaching.IngestionReport)
            .WithMetadata(new ClientCacheAttribute(30, followsIngestionReport: true));
        api.MapGet("/ingestion", Get)
            .WithSummary("The last scan's counts, a page of the known files with their status, problem counts by reason, and the newest story clusters");
        api.MapGet("/ingestion/clusters", Clusters)
            .WithSummary("Every story with two or more articles, the one with the newest article first, a page at a time");
        return app;
    }

    private static Results<Ok<IngestionJson>, ValidationProblem> Get(
        [AsParameters] IngestionParameters parameters, IIngestionRuns runs, ISourceFiles sourceFiles, IStoryClusters storyClusters, IngestionService ingestion)
    {
        if (!IngestionQuery.TryParse(parameters, PageSizes.ApiIngestionFiles, PageSizes.MaxApiIngestionFiles, out var query, out var errors))
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid query parameters");
        }

        var files = sourceFiles.Files(query);
        var run = runs.LastRun();
        var failure = runs.CurrentFailure();
        var clusters = storyClusters.Page(1, PageSizes.ApiClusters);
        return TypedResults.Ok(new IngestionJson(
            run is null ? null : new RunJson(run.StartedAt, run.FinishedAt, run.Added, run.Updated, run.Unchanged, run.Removed, run.Rejected, run.Unreadable),
            files.Total,
            files.Page,
            files.PageSize,
            files.PageCount,
            files.Page < files.PageCount ? SiteUrls.ApiIngestion(query, files.Page + 1) : null,
            files.Page > 1 ? SiteUrls.ApiIngestion(query, Math.Min(files.Page - 1, files.PageCount)) : null,
            [.. files.Items.Select(ToJson)],
            sourceFiles.ProblemFileCount(),
            [.. sourceFiles.ReasonCounts().Select(r => new ReasonCountJson(r.Kind.Slug(), r.Kind.Group().ToString().ToLowerInvariant(), r.Count))],
            [.. clusters.Clusters.Select(ToJson)],
            clusters.Total,
            clusters.PageCount > 1 ? SiteUrls.ApiClusters(2, PageSizes.ApiClusters) : null,
            failure is null ? null : new ScanErrorJson(failure.Reason, failure.Since, failure.CheckedAt),
            [.. sourceFiles.UnreadableFolders().Select(f => new UnreadableFolderJson(f.Path, f.Reason, f.Since))],
            [.. runs.InterruptedRuns().Select(r => new InterruptedRunJson(r.StartedAt, r.InterruptedAt!))],
            new NodeJson(ingestion.NodeName, ingestion.IsIngester)));
    }

    private static Results<Ok<ClusterPageJson>, ValidationProblem> Clusters([AsParameters] ClusterParameters parameters, IStoryClusters storyClusters)
    {
        var errors = new Dictionary<string, string[]>();
        var page = ListQuery.ParseInt(parameters.Page, "page", 1, 1, ListQuery.MaxPage, errors);
        var pageSize = Math.Min(ListQuery.ParseInt(parameters.PageSize, "pageSize", PageSizes.ApiClusters, 1, int.MaxValue, errors), PageSizes.MaxApiClusters);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid query parameters");
        }

        var clusters = storyClusters.Page(page, pageSize);
        return TypedResults.Ok(new ClusterPageJson(
            clusters.Total,
            clusters.Page,
            clusters.PageSize,
            clusters.PageCount,
            [.. clusters.Clusters.Select(ToJson)],
            clusters.Page < clusters.PageCount ? SiteUrls.ApiClusters(clusters.Page + 1, pageSize) : null,
            clusters.Page > 1 ? SiteUrls.ApiClusters(Math.Min(clusters.Page - 1, clusters.PageCount), pageSize) : null));
    }

    private static FileJson ToJson(SourceFile file) => new(
        file.Path,
        SourceFileStatusNames.Of(file.Status),
        file.Reason,
        file.Line,
        ReasonKinds.Warnings(file),
        file.ArticleId,
        file.DuplicateOf,
        [.. ReasonKinds.Of(file).Select(k => k.Slug())],
        file.UpdatedAt);

    private static ClusterJson ToJson(StoryCluster cluster) =>
        new([.. cluster.Members.Select(m => new ClusterArticleJson(
            m.Id, m.Title, SiteUrls.Article(m.Id, m.Slug), m.Link, m.LinkHost, m.Date, m.SourceFile))]);
}
