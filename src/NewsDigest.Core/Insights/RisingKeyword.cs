namespace NewsDigest.Core.Insights;

/// <summary>A keyword's articles in the period before the latest and in the latest one.</summary>
public sealed record RisingKeyword(string Value, int Before, int Now)
{
    public int Change => Now - Before;
}
