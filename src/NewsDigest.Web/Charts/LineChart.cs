using System.Globalization;
using NewsDigest.Core.Insights;

namespace NewsDigest.Web.Charts;

/// <summary>
/// Geometry of one trend line in SVG user units: the line, the area under it, point markers, and
/// (unless it is a sparkline) y ticks at zero, the middle and the top and x ticks at the first,
/// middle and last period. The page draws it; this only places things.
/// </summary>
public sealed class LineChart
{
    private LineChart(TrendSeries series, TrendTimeline timeline, int yMax, int width, int height, bool axes)
    {
        Width = width;
        Height = height;
        YMax = yMax;
        var (left, right, top, bottom) = axes ? (34.0, 12.0, 10.0, 24.0) : (3.0, 3.0, 3.0, 3.0);
        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;
        var n = series.Counts.Count;
        double X(int i) => n == 1 ? left + plotWidth / 2 : left + plotWidth * i / (n - 1);
        double Y(int count) => top + plotHeight * (1 - (double)count / Math.Max(1, yMax));

        var points = series.Counts.Select((count, i) => (X: X(i), Y: Y(count))).ToList();
        Line = string.Join(' ', points.Select(p => $"{Number(p.X)},{Number(p.Y)}"));
        Area = n == 0 ? "" : $"M{Number(points[0].X)},{Number(top + plotHeight)} L{Line.Replace(" ", " L", StringComparison.Ordinal)} L{Number(points[^1].X)},{Number(top + plotHeight)} Z";

        // Every point gets a marker while there are few; else only the latest.
        Markers = [.. points.Select((p, i) => (p, i)).Where(x => n <= 16 || x.i == n - 1).Select(x => (Number(x.p.X), Number(x.p.Y)))];
        Baseline = Number(top + plotHeight);
        PlotLeft = Number(left);
        PlotRight = Number(width - right);
        if (!axes || n == 0)
        {
            return;
        }

        YTicks = [.. (yMax % 2 == 0 && yMax > 0 ? new[] { 0, yMax / 2, yMax } : [0, yMax])
            .Select(v => new ChartLabel(v.ToString(CultureInfo.InvariantCulture), "", Number(left - 6), Number(Y(v)), "end"))];
        var xTicks = new List<int> { 0 };
        if (n >= 5)
        {
            xTicks.Add((n - 1) / 2);
        }

        if (n > 1)
        {
            xTicks.Add(n - 1);
        }

        XTicks = [.. xTicks.Select(i =>
        {
            var label = PeriodLabel.Of(timeline.Periods[i], timeline.Granularity);
            var anchor = n == 1 ? "middle" : i == 0 ? "start" : i == n - 1 ? "end" : "middle";
            return new ChartLabel(label, label, Number(X(i)), Number(height - 6), anchor);
        })];
    }

    public int Width { get; }

    public int Height { get; }

    public int YMax { get; }

    public string ViewBox => $"0 0 {Width} {Height}";

    /// <summary>SVG polyline points.</summary>
    public string Line { get; }

    /// <summary>SVG path of the area between the line and the baseline.</summary>
    public string Area { get; }

    public IReadOnlyList<(string X, string Y)> Markers { get; }

    public string Baseline { get; }

    public string PlotLeft { get; }

    public string PlotRight { get; }

    public IReadOnlyList<ChartLabel> YTicks { get; } = [];

    public IReadOnlyList<ChartLabel> XTicks { get; } = [];

    /// <summary>A chart with axes; <paramref name="yMax"/> is shared by charts meant to be compared.</summary>
    public static LineChart WithAxes(TrendSeries series, TrendTimeline timeline, int yMax, int width = 320, int height = 132) =>
        new(series, timeline, yMax, width, height, axes: true);

    /// <summary>A word-sized line with no axes, scaled to its own maximum.</summary>
    public static LineChart Sparkline(TrendSeries series, TrendTimeline timeline, int width = 160, int height = 36) =>
        new(series, timeline, Math.Max(1, series.Max), width, height, axes: false);

    /// <summary>The smallest 1, 2 or 5 × 10ⁿ at or above the largest count, so the top tick is a round number.</summary>
    public static int NiceMax(int max)
    {
        var step = 1;
        while (true)
        {
            foreach (var factor in (int[])[1, 2, 5])
            {
                if (factor * step >= max)
                {
                    return factor * step;
                }
            }

            step *= 10;
        }
    }

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
