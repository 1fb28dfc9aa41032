using Microsoft.AspNetCore.Http.Features;

namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// Answers HEAD on every GET endpoint (pages, feeds, API, export, sitemap, static files) as
/// RFC 9110 asks: the same status and headers as GET, no body. The request runs as GET, so routing,
/// caching, validators and rate limits behave exactly as for GET, while the body it writes is
/// only counted. The log still says HEAD.
/// </summary>
public sealed class HeadRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Features.Get<IHttpResponseBodyFeature>()!;
        var discarded = new DiscardingStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(discarded, body));
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Features.Set(body);
        }

        // The server gives an empty GET answer "Content-Length: 0" by itself, but not a HEAD one.
        var response = context.Response;
        if (!response.HasStarted && discarded.Length == 0 && response.ContentLength is null
            && response.StatusCode is not (StatusCodes.Status204NoContent or StatusCodes.Status304NotModified)
            && !response.Headers.ContainsKey("Transfer-Encoding"))
        {
            response.ContentLength = 0;
        }
    }

    /// <summary>Where a HEAD answer's body goes: nowhere, but its length is known.</summary>
    private sealed class DiscardingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
