namespace NewsDigest.Core.Parsing;

/// <summary>Limits for <see cref="DigestParser"/>, bound from configuration as NewsDigest:*.</summary>
public sealed class DigestParserOptions
{
    /// <summary>Largest file taken, in bytes (NewsDigest:MaxFileBytes); real digests are ~14 KB.</summary>
    public int MaxBytes { get; set; } = 2 * 1024 * 1024;
}
