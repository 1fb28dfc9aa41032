using System.Globalization;
using NewsDigest.Core.Insights;

namespace NewsDigest.Web.Charts;

/// <summary>
/// Geometry of the industry × technology heat map, in SVG user units (1 unit = 1 CSS pixel at
/// natural size): industry names left of the rows, technology names slanted above the columns,
/// one linked cell per pair. The page draws it; this only places things.
/// </summary>
public sealed class HeatMapLayout
{
    public const int CellWidth = 52;
    public const int CellHeight = 34;
    public const int Gap = 2;
    public const double FontSize = 13;
    private const double MaxLabelWidth = 8.5 * FontSize;
    private const double Padding = 8;
    private static readonly double Slant = Math.Sqrt(0.5);

    public HeatMapLayout(
        IndustryTechnologyMatrix matrix,
        Func<string, string, string> url,
        Func<string, string, int, string> title)
    {
        var rowLabels = matrix.Industries.Select(i => TextWidth.Fit(i.Value, FontSize, MaxLabelWidth)).ToList();
        var columnLabels = matrix.Technologies.Select(t => TextWidth.Fit(t.Value, FontSize, MaxLabelWidth)).ToList();
        var left = Math.Ceiling(rowLabels.Select(l => TextWidth.Estimate(l, FontSize)).DefaultIfEmpty(0).Max() + 2 * Padding);
        var top = Math.Ceiling(columnLabels.Select(l => TextWidth.Estimate(l, FontSize) * Slant).DefaultIfEmpty(0).Max() + 2 * Padding);

        // The last column's slanted label reaches right past the grid.
        var overhang = columnLabels.Count == 0 ? 0 : Math.Max(0, TextWidth.Estimate(columnLabels[^1], FontSize) * Slant - CellWidth / 2.0);
        Width = (int)Math.Ceiling(left + matrix.Technologies.Count * CellWidth + overhang + Padding);
        Height = (int)Math.Ceiling(top + matrix.Industries.Count * CellHeight + Padding);
        GridLeft = (int)left;
        GridTop = (int)top;

        Rows = [.. matrix.Industries.Select((industry, r) => new ChartLabel(
            rowLabels[r], industry.Value, Number(left - Padding), Number(top + r * CellHeight + CellHeight / 2.0), "end"))];
        Columns = [.. matrix.Technologies.Select((technology, c) => new ChartLabel(
            columnLabels[c], technology.Value, Number(left + c * CellWidth + CellWidth / 2.0), Number(top - Padding)))];
        var cells = new List<HeatMapCell>(matrix.Industries.Count * matrix.Technologies.Count);
        for (var r = 0; r < matrix.Industries.Count; r++)
        {
            for (var c = 0; c < matrix.Technologies.Count; c++)
            {
                var (industry, technology, count) = (matrix.Industries[r].Value, matrix.Technologies[c].Value, matrix.Count(r, c));
                cells.Add(new HeatMapCell(
                    industry,
                    technology,
                    count,
                    HeatShade.LevelOf(count, matrix.MaxCount),
                    GridLeft + c * CellWidth,
                    GridTop + r * CellHeight,
                    url(industry, technology),
                    title(industry, technology, count)));
            }
        }

        Cells = cells;
        Legend = HeatShade.Legend(matrix.MaxCount);
    }

    public int Width { get; }

    public int Height { get; }

    public int GridLeft { get; }

    public int GridTop { get; }

    public IReadOnlyList<ChartLabel> Rows { get; }

    public IReadOnlyList<ChartLabel> Columns { get; }

    public IReadOnlyList<HeatMapCell> Cells { get; }

    public IReadOnlyList<HeatShade> Legend { get; }

    public string ViewBox => $"0 0 {Width} {Height}";

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
