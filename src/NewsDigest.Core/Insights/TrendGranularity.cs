namespace NewsDigest.Core.Insights;

/// <summary>How long one period of a trend is. <see cref="TrendTimeline.Between"/> picks it by the span of the data.</summary>
public enum TrendGranularity
{
    Week,
    Month,
}
