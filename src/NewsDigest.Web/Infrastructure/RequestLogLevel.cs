using Serilog.Events;

namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// The level of a request's completion log line. Health probes run every few seconds and static
/// files are fetched with every page: both log at Debug. A probe's 503 ("not ready yet", "seeds
/// folder missing") is an answer, not a fault: the component that is not ready logs the cause
/// itself. Anything else that fails on the server is an error.
/// </summary>
public static class RequestLogLevel
{
    private static readonly string[] Probes = ["/healthz", "/readyz"];

    public static LogEventLevel For(HttpContext context, double elapsedMilliseconds, Exception? exception)
    {
        if (Probes.Any(probe => context.Request.Path.Equals(probe, StringComparison.OrdinalIgnoreCase)))
        {
            return LogEventLevel.Debug;
        }

        if (exception is not null || context.Response.StatusCode >= 500)
        {
            return LogEventLevel.Error;
        }

        // Every page, feed and API call is an endpoint; a successful answer without one is a file
        // from wwwroot.
        return context.GetEndpoint() is null && context.Response.StatusCode < 400 ? LogEventLevel.Debug : LogEventLevel.Information;
    }
}
