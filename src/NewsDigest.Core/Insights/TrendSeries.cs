namespace NewsDigest.Core.Insights;

/// <summary>Articles per period of a <see cref="TrendTimeline"/> for one tag (or for the whole view).</summary>
public sealed record TrendSeries(string Value, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();

    public int Max => Counts.Count == 0 ? 0 : Counts.Max();
}
