using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// Strong ETag (a hash of the body), Last-Modified (when the data last changed) and Cache-Control
/// for endpoints marked with <see cref="ClientCacheAttribute"/>, answering If-None-Match and
/// If-Modified-Since with 304. It sits inside the output cache, so cached entries carry the same
/// validators and the output cache answers conditional requests for hits itself, and outside the
/// response compression, so the ETag is a hash of the bytes sent: each content coding has its own.
/// </summary>
public sealed class ConditionalGetMiddleware(RequestDelegate next, DataVersion version)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var policy = context.GetEndpoint()?.Metadata.GetMetadata<ClientCacheAttribute>();
        if (policy is null || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"");
            var changed = policy.FollowsIngestionReport ? version.ReportChanged : version.ArticlesChanged;
            var lastModified = new DateTimeOffset(changed.Year, changed.Month, changed.Day, changed.Hour, changed.Minute, changed.Second, TimeSpan.Zero);
            var headers = context.Response.GetTypedHeaders();
            headers.ETag = etag;
            headers.LastModified = lastModified;
            headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromSeconds(policy.MaxAgeSeconds) };
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
            {
                // Pages follow the reader's language and theme cookies: a browser must not reuse
                // a copy made under other preferences.
                context.Response.Headers.Append(HeaderNames.Vary, "Cookie, Accept-Language");
            }

            if (NotModified(context.Request.GetTypedHeaders(), etag, lastModified))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                context.Response.Headers.ContentType = default;
                return;
            }
        }

        // The whole body is known: say how long it is, as a cached copy does, so a first answer and
        // a HEAD carry the same headers as later ones. Not for an empty error, whose page the
        // status-code middleware has yet to write.
        if (buffer.Length > 0)
        {
            context.Response.ContentLength = buffer.Length;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }

    private static bool NotModified(Microsoft.AspNetCore.Http.Headers.RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2); GET compares weakly.
        if (request.IfNoneMatch is { Count: > 0 } candidates)
        {
            return candidates.Any(c => c.Equals(EntityTagHeaderValue.Any) || c.Compare(etag, useStrongComparison: false));
        }

        return request.IfModifiedSince is { } since && lastModified <= since;
    }
}
