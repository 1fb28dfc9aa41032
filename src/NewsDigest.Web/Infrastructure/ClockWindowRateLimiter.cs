using System.Threading.RateLimiting;

namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// One client's fixed window of permits, with windows aligned to the clock (every window length
/// since the Unix epoch), so a rejection can say exactly how long is left until the next window:
/// the framework's FixedWindowRateLimiter only reports the whole window length as RetryAfter.
/// Rejections never queue.
/// </summary>
public sealed class ClockWindowRateLimiter(int permitLimit, TimeSpan window, TimeProvider time) : RateLimiter
{
    private static readonly RateLimitLease Acquired = new WindowLease(null);
    private readonly Lock _lock = new();
    private long _window = long.MinValue;
    private int _used;
    private long _successful;
    private long _failed;

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                // Idle once the last window with any use has ended; the partitioned limiter
                // disposes idle clients, so memory follows the number of active clients.
                var now = time.GetUtcNow();
                var end = End(_window);
                return _window == long.MinValue ? TimeSpan.Zero : now >= end ? now - end : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = Index(time.GetUtcNow()) == _window ? permitLimit - _used : permitLimit,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var current = Index(now);
            if (current != _window)
            {
                _window = current;
                _used = 0;
            }

            if (_used + permitCount <= permitLimit)
            {
                _used += permitCount;
                _successful++;
                return Acquired;
            }

            _failed++;
            return new WindowLease(End(current) - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private long Index(DateTimeOffset now) => now.UtcTicks / window.Ticks;

    private DateTimeOffset End(long index) => new((index + 1) * window.Ticks, TimeSpan.Zero);

    private sealed class WindowLease(TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
