using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsDigest.Core.Storage;

namespace NewsDigest.Web.Health;

/// <summary>Readiness: the database opens and answers a trivial query.</summary>
public sealed class DatabaseHealthCheck(IDatabase database) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(database.IsReachable()
            ? HealthCheckResult.Healthy("the database answers")
            : HealthCheckResult.Unhealthy("the database does not answer"));
}
