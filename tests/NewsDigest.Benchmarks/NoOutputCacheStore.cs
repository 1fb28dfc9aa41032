using Microsoft.AspNetCore.OutputCaching;

namespace NewsDigest.Benchmarks;

/// <summary>An output cache that keeps nothing, so every timed request computes and renders its
/// page instead of replaying the first one.</summary>
internal sealed class NoOutputCacheStore : IOutputCacheStore
{
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
