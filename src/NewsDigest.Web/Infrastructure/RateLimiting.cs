using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

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
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<TimeProvider, IOptions<RateLimitOptions>>((limiter, time, settings) =>
        {
            var options = settings.Value;
            var window = TimeSpan.FromSeconds(options.WindowSeconds);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                // The time left in the client's window, rounded up: retrying sooner is refused again.
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!options.Enabled || !IsLimited(context.Request))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.Get(client, _ => new ClockWindowRateLimiter(options.PermitsPerWindow, window, time));
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
