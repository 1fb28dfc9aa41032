using Microsoft.Extensions.Localization;
using NewsDigest.Core.Insights;

namespace NewsDigest.Web.Charts;

/// <summary>The sentence that names a trend chart for its title and for screen readers: total,
/// span and the busiest period.</summary>
public static class TrendSummary
{
    public static string Describe(IStringLocalizer text, TrendSeries series, TrendTimeline timeline, string name)
    {
        var peak = series.Counts.Select((count, i) => (count, i)).MaxBy(p => p.count);
        return string.Format(
            text["{0}: {1} articles from {2} to {3}, most in {4} ({5})"],
            name,
            series.Total,
            PeriodLabel.Of(timeline.Periods[0], timeline.Granularity),
            PeriodLabel.Of(timeline.Periods[^1], timeline.Granularity),
            PeriodLabel.Of(timeline.Periods[peak.i], timeline.Granularity),
            peak.count);
    }

    /// <summary>"Articles per week" or "Articles per month".</summary>
    public static string Unit(IStringLocalizer text, TrendTimeline timeline) =>
        timeline.Granularity == TrendGranularity.Week ? text["Articles per week"] : text["Articles per month"];
}
