using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsDigest.Core.Ingestion;

namespace NewsDigest.Web.Health;

/// <summary>Readiness: on the ingester, the start-up scan has finished (so the portal shows the
/// folder's content rather than a partial list) and the seeds folder can be scanned (while it is
/// missing or unreadable the articles stay online but no longer follow the folder); a node that does
/// not ingest has no scan to wait for (the database check covers it).</summary>
public sealed class IngestionHealthCheck(IngestionService ingestion, Ingester ingester) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            !ingestion.FirstScanCompleted ? HealthCheckResult.Unhealthy("the first scan is running")
            : !ingestion.IsIngester ? HealthCheckResult.Healthy("another node ingests")
            : ingester.FolderError is { } error ? HealthCheckResult.Unhealthy($"seeds folder unavailable since {error.Since}: {error.Reason}")
            : HealthCheckResult.Healthy("the first scan has finished"));
}
