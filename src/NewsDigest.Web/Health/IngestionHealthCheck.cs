using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsDigest.Core.Ingestion;

namespace NewsDigest.Web.Health;

/// <summary>Readiness: the start-up scan has finished, so the portal shows the folder's content
/// rather than a partial list.</summary>
public sealed class IngestionHealthCheck(IngestionService ingestion) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(ingestion.FirstScanCompleted
            ? HealthCheckResult.Healthy("the first scan has finished")
            : HealthCheckResult.Unhealthy("the first scan is running"));
}
