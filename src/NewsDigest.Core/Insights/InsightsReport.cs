namespace NewsDigest.Core.Insights;

/// <summary>
/// What /insights shows for one view (the list's filters and search): the industry × technology
/// matrix, articles per period overall and for the top industries and technologies, and the
/// keywords that rose most from the previous period to the latest.
/// </summary>
/// <param name="Total">Articles in the view.</param>
/// <param name="Undated">Articles in the view whose digest has no date: in the matrix, not in the trends.</param>
/// <param name="Matrix">Every industry × technology pair of the view.</param>
/// <param name="Timeline">The periods from the first to the last dated article of the view.</param>
/// <param name="Overall">All dated articles of the view per period.</param>
/// <param name="Industries">The top industries per period, most articles first.</param>
/// <param name="Technologies">The top technologies per period, most articles first.</param>
/// <param name="RisingKeywords">Keywords with more articles in the latest period than in the one before, biggest rise first.</param>
public sealed record InsightsReport(
    int Total,
    int Undated,
    IndustryTechnologyMatrix Matrix,
    TrendTimeline Timeline,
    TrendSeries Overall,
    IReadOnlyList<TrendSeries> Industries,
    IReadOnlyList<TrendSeries> Technologies,
    IReadOnlyList<RisingKeyword> RisingKeywords)
{
    public static readonly InsightsReport Empty =
        new(0, 0, IndustryTechnologyMatrix.Empty, TrendTimeline.None, new TrendSeries("", []), [], [], []);
}
