using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using NewsDigest.Core.Insights;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Charts;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Pages;

/// <summary>
/// /insights: the industry × technology heat map, trends and rising keywords of one view of the
/// list (same q, industry, tech, keyword), drawn as server-side SVG with table fallbacks.
/// ?all=1 shows every industry and technology instead of the top ones.
/// </summary>
[OutputCache(PolicyName = ResponseCaching.Pages)]
[ClientCache(60)]
public sealed class InsightsModel(InsightsReports insights, IStringLocalizer<SharedResource> text) : PortalPageModel
{
    public const int TopIndustries = 12;
    public const int TopTechnologies = 10;

    public ArticleFilter Filter { get; private set; } = new();

    /// <summary>Every industry and technology (?all=1), not just the top ones.</summary>
    public bool ShowAll { get; private set; }

    public InsightsReport Report { get; private set; } = InsightsReport.Empty;

    /// <summary>The part of the matrix on the page (the top, or all of it).</summary>
    public IndustryTechnologyMatrix Matrix { get; private set; } = IndustryTechnologyMatrix.Empty;

    public HeatMapLayout? HeatMap { get; private set; }

    /// <summary>All dated articles of the view per period; null when none has a date.</summary>
    public LineChartView? Overall { get; private set; }

    public IReadOnlyList<(TrendSeries Series, LineChartView View)> IndustryTrends { get; private set; } = [];

    public IReadOnlyList<(TrendSeries Series, LineChartView View)> TechnologyTrends { get; private set; } = [];

    public bool IsFiltered => !string.IsNullOrEmpty(Filter.Query) || Filter.HasTagFilters;

    /// <summary>The heat map leaves out rows or columns, so a link to all of them is worth showing.</summary>
    public bool HasMore => Matrix.Industries.Count < Report.Matrix.Industries.Count || Matrix.Technologies.Count < Report.Matrix.Technologies.Count;

    public string PeriodUnit => TrendSummary.Unit(text, Report.Timeline);

    public IActionResult OnGet()
    {
        var allText = Request.Query["all"].ToString();
        var valid = ListQuery.TryParse(Request.Query, PageSizes.Articles, out var filter, out var errors);
        if (allText is not ("" or "1"))
        {
            errors["all"] = ["all must be 1 or left out."];
            valid = false;
        }

        if (!valid)
        {
            return InvalidRequest(errors);
        }

        var canonical = SiteUrls.Insights(filter, allText == "1");
        if (!SiteUrls.IsCanonical(Request, canonical))
        {
            return Redirect(LocalUrl(canonical));
        }

        Filter = filter with { Page = 1, Sort = ArticleSort.Relevance };
        ShowAll = allText == "1";
        Report = insights.For(Filter);
        Matrix = ShowAll ? Report.Matrix : Report.Matrix.Top(TopIndustries, TopTechnologies);
        if (Matrix.Industries.Count > 0 && Matrix.Technologies.Count > 0)
        {
            // Looked up once: the whole map (?all=1) has thousands of cells.
            var cellTitle = text["{0} × {1}: {2} articles"].Value;
            HeatMap = new HeatMapLayout(Matrix, CellUrl, (industry, technology, count) => string.Format(cellTitle, industry, technology, count));
        }

        if (Report.Timeline.Periods.Count > 0)
        {
            Overall = new LineChartView(
                LineChart.WithAxes(Report.Overall, Report.Timeline, LineChart.NiceMax(Report.Overall.Max), width: 480, height: 170),
                "trend-overall",
                Summary(Report.Overall, text["All articles in this view"]));
            IndustryTrends = Trends(Report.Industries, "trend-industry");
            TechnologyTrends = Trends(Report.Technologies, "trend-tech");
        }

        Meta = new PageMeta
        {
            Title = Heading(),
            Description = string.Format(text["Which industries meet which AI technologies, and what is rising, in {0} articles."], Report.Total),
            CanonicalUrl = AbsoluteUrl(canonical),
            NoIndex = !string.IsNullOrEmpty(Filter.Query),
        };
        return Page();
    }

    public string Heading() => Titles.Insights(Filter, text);

    /// <summary>The list of the articles a cell counts: this view narrowed to exactly that pair.</summary>
    public string CellUrl(string industry, string technology) =>
        SiteUrls.List(SiteUrls.Only(SiteUrls.Only(Filter, TagKind.Industry, industry), TagKind.Technology, technology));

    /// <summary>The list of one tag's articles within this view.</summary>
    public string SeriesUrl(TagKind kind, string value) => SiteUrls.List(SiteUrls.Only(Filter, kind, value));

    public string KeywordUrl(string keyword) => SeriesUrl(TagKind.Keyword, keyword);

    public string Period(DateOnly period) => PeriodLabel.Of(period, Report.Timeline.Granularity);

    private string Summary(TrendSeries series, string name) => TrendSummary.Describe(text, series, Report.Timeline, name);

    private List<(TrendSeries, LineChartView)> Trends(IReadOnlyList<TrendSeries> series, string cssClass)
    {
        // One y scale per group, so the small charts can be compared by eye.
        var yMax = LineChart.NiceMax(series.Select(s => s.Max).DefaultIfEmpty(0).Max());
        return [.. series.Select(s => (s, new LineChartView(LineChart.WithAxes(s, Report.Timeline, yMax), cssClass, Summary(s, s.Value))))];
    }
}
