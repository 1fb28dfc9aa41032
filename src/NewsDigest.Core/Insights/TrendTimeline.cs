namespace NewsDigest.Core.Insights;

/// <summary>
/// The periods a trend counts in, oldest first, each named by its first day (a Monday for weeks,
/// the 1st for months). Every period between the first and the last dated article is listed, empty
/// ones too, so a chart's x axis is even.
/// </summary>
public sealed record TrendTimeline(TrendGranularity Granularity, IReadOnlyList<DateOnly> Periods)
{
    /// <summary>Up to about half a year of data is counted by week, more by month: either way a
    /// chart has between a handful and a few dozen points for the seeds' three years.</summary>
    public const int MaxWeeklySpanDays = 182;

    /// <summary>No dated article: no periods.</summary>
    public static readonly TrendTimeline None = new(TrendGranularity.Month, []);

    public static TrendTimeline Between(DateOnly first, DateOnly last)
    {
        var granularity = last.DayNumber - first.DayNumber <= MaxWeeklySpanDays ? TrendGranularity.Week : TrendGranularity.Month;
        var periods = new List<DateOnly>();
        for (var period = StartOf(first, granularity); period <= last; period = Next(period, granularity))
        {
            periods.Add(period);
        }

        return new TrendTimeline(granularity, periods);
    }

    /// <summary>The index in <see cref="Periods"/> of the period holding this day.</summary>
    public int IndexOf(DateOnly day) => Granularity == TrendGranularity.Week
        ? (StartOf(day, Granularity).DayNumber - Periods[0].DayNumber) / 7
        : (day.Year * 12 + day.Month) - (Periods[0].Year * 12 + Periods[0].Month);

    public static DateOnly StartOf(DateOnly day, TrendGranularity granularity) => granularity == TrendGranularity.Week
        ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7))
        : new DateOnly(day.Year, day.Month, 1);

    private static DateOnly Next(DateOnly period, TrendGranularity granularity) =>
        granularity == TrendGranularity.Week ? period.AddDays(7) : period.AddMonths(1);
}
