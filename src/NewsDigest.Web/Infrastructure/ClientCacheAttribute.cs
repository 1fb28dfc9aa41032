namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// Endpoint metadata: how long browsers and shared caches may keep a response (Cache-Control
/// max-age), and whether its Last-Modified follows the ingestion report rather than the articles.
/// Read by <see cref="ConditionalGetMiddleware"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ClientCacheAttribute(int maxAgeSeconds, bool followsIngestionReport = false) : Attribute
{
    public int MaxAgeSeconds { get; } = maxAgeSeconds;

    public bool FollowsIngestionReport { get; } = followsIngestionReport;
}
