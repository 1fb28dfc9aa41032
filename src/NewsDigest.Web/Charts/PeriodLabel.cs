using System.Globalization;
using NewsDigest.Core.Insights;

namespace NewsDigest.Web.Charts;

/// <summary>How a period is written on axes and in tables: 2024-03 for a month, the Monday
/// (2024-03-18) for a week. Numeric, so it reads the same in both UI languages.</summary>
public static class PeriodLabel
{
    public static string Of(DateOnly period, TrendGranularity granularity) =>
        period.ToString(granularity == TrendGranularity.Week ? "yyyy-MM-dd" : "yyyy-MM", CultureInfo.InvariantCulture);
}
