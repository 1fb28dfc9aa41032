namespace NewsDigest.Web.Infrastructure;

/// <summary>NewsDigest:RateLimit: permits per client address per window for searches, API, feeds.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "NewsDigest:RateLimit";

    public bool Enabled { get; set; } = true;

    public int PermitsPerWindow { get; set; } = 300;

    public int WindowSeconds { get; set; } = 60;
}
