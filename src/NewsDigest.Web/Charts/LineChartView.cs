namespace NewsDigest.Web.Charts;

/// <summary>What the _LineChart partial draws: the geometry, its colour class (trend-overall,
/// trend-industry, trend-tech) and the sentence that names it.</summary>
public sealed record LineChartView(LineChart Chart, string CssClass, string Summary);
