using System.Globalization;
using System.Threading.RateLimiting;

namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// Per client address limits on the expensive, scriptable endpoints: searches, the JSON API,
/// feeds and exports. Plain page views are cheap (output cache) and never limited. Rejections
/// are 429 with Retry-After, not the framework's default 503.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(options.WindowSeconds);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!options.Enabled || !IsLimited(context.Request))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitsPerWindow,
                    Window = TimeSpan.FromSeconds(options.WindowSeconds),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    private static bool IsLimited(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        || request.Path.StartsWithSegments("/feed.atom")
        || request.Path.StartsWithSegments("/feed.json")
        || request.Path.StartsWithSegments("/export.csv")
        || request.Query.ContainsKey("q");
}
