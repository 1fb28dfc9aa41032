using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using NewsDigest.Core.Insights;
using NewsDigest.Core.Listing;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Charts;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Pages.Tags;

/// <summary>/tags/{kind}/{value}: one tag's articles, paged, with the tags that come with it.</summary>
[OutputCache(PolicyName = ResponseCaching.Pages)]
[ClientCache(60)]
public sealed class ShowModel(IArticleReader articles, ArticleListing listing, InsightsReports insights, IStringLocalizer<SharedResource> text) : PortalPageModel
{
    public TagKind Kind { get; private set; }

    public string Value { get; private set; } = "";

    public ArticleFilter Filter { get; private set; } = new();

    public ArticlePage Result { get; private set; } = null!;

    public IReadOnlyList<(TagKind Kind, FacetValue Tag)> CoOccurring { get; private set; } = [];

    /// <summary>The tag's articles per period, as a sparkline; null when none has a date.</summary>
    public LineChartView? Sparkline { get; private set; }

    /// <summary>What the sparkline counts and over which periods, shown next to it.</summary>
    public string SparklineCaption { get; private set; } = "";

    public string PageUrl(int page) => SiteUrls.Tag(Kind, Value, page);

    public IActionResult OnGet(string kind, string value)
    {
        if (!TagKinds.TryParse(kind, out var parsed) || value.Length > ListQuery.MaxValueLength)
        {
            return NotFound();
        }

        var stored = articles.FindTag(parsed.Value, value);
        if (stored is null)
        {
            return NotFound();
        }

        // "page" is a reserved route value in Razor Pages (the page's path), so read the query.
        var errors = new Dictionary<string, string[]>();
        var pageNumber = ListQuery.ParseInt(Request.Query["page"], "page", 1, 1, ListQuery.MaxPage, errors);
        if (errors.Count > 0)
        {
            return BadRequest();
        }

        Kind = parsed.Value;
        Value = stored;
        var canonical = PageUrl(pageNumber);
        if (!SiteUrls.IsCanonical(Request, canonical))
        {
            // One address per tag: tech not technology, the stored spelling, no page=1.
            return RedirectPermanent(LocalUrl(canonical));
        }

        Filter = SiteUrls.With(new ArticleFilter(), Kind, stored) with { Page = pageNumber, PageSize = PageSizes.Articles };
        Result = listing.List(Filter);
        if (pageNumber > Result.PageCount)
        {
            return NotFound();
        }

        CoOccurring = listing.CoOccurring(Kind, stored, 12);
        var trend = insights.For(Filter);
        if (trend.Timeline.Periods.Count > 0)
        {
            Sparkline = new LineChartView(
                LineChart.Sparkline(trend.Overall, trend.Timeline),
                "trend-" + Kind.ParameterName(),
                TrendSummary.Unit(text, trend.Timeline) + " · " + TrendSummary.Describe(text, trend.Overall, trend.Timeline, stored));
            SparklineCaption = string.Format(
                text["{0}, {1} to {2}."],
                TrendSummary.Unit(text, trend.Timeline),
                PeriodLabel.Of(trend.Timeline.Periods[0], trend.Timeline.Granularity),
                PeriodLabel.Of(trend.Timeline.Periods[^1], trend.Timeline.Granularity));
        }

        Meta = new PageMeta
        {
            Title = $"{text[KindLabels.Singular(Kind)]}: {stored}",
            Description = string.Format(text["{0} articles tagged {1}."], Result.Total, stored),
            CanonicalUrl = AbsoluteUrl(canonical),
            FeedUrl = SiteUrls.AtomFeed(Filter),
        };
        return Page();
    }
}
