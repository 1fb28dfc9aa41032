namespace NewsDigest.Web.Charts;

/// <summary>
/// One of the heat map's discrete shades (CSS classes heat-0 … heat-5, coloured per theme in
/// site.css) and the counts it stands for. Level 0 is exactly zero; levels 1–5 split 1..max into
/// five equal steps, so the darkest cell is always the largest.
/// </summary>
public sealed record HeatShade(int Level, int From, int To)
{
    public const int Levels = 5;

    public string CssClass => $"heat-{Level}";

    public static int LevelOf(int count, int max) =>
        count <= 0 || max <= 0 ? 0 : Math.Clamp((Levels * count + max - 1) / max, 1, Levels);

    /// <summary>The shades a matrix with this largest cell uses, with their count ranges; a level
    /// no whole count falls in (small maxima) is left out.</summary>
    public static IReadOnlyList<HeatShade> Legend(int max)
    {
        var shades = new List<HeatShade> { new(0, 0, 0) };
        for (var level = 1; level <= Levels && max > 0; level++)
        {
            var from = (level - 1) * max / Levels + 1;
            var to = level * max / Levels;
            if (from <= to)
            {
                shades.Add(new HeatShade(level, from, to));
            }
        }

        return shades;
    }
}
