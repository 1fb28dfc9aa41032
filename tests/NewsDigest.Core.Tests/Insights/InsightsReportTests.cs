using NewsDigest.Core.Insights;
using NewsDigest.Core.Storage;
using NewsDigest.Core.Tests.Engines;
using NewsDigest.Core.Tests.Ingestion;

namespace NewsDigest.Core.Tests.Insights;

/// <summary>The numbers of <see cref="InsightsReports.For"/> over a small fixed corpus on each engine.</summary>
public abstract class InsightsReportTests : IDisposable
{
    private const string Plain = "这是一篇关于人工智能的文章。";
    private const string Federated = "这是一篇关于联邦学习的文章。";

    private readonly IngestionHarness _harness;

    protected InsightsReportTests()
    {
        _harness = new(engine: RunsOnAttribute.EngineOf(GetType()));
        // file, industries, technologies, keywords, date, text
        Add("001_0000000000000001.txt", "医疗", "大模型", "人工智能", "2024-01-10", Federated);
        Add("002_0000000000000002.txt", "医疗, 金融", "大模型, 计算机视觉", "人工智能, 芯片", "2024-02-05", Plain);
        Add("003_0000000000000003.txt", "金融", "机器学习", "芯片", "2024-03-01", Plain);
        Add("004_0000000000000004.txt", "医疗", "计算机视觉", "芯片, 监管", "2024-03-20", Federated);
        Add("005_0000000000000005.txt", "教育", "大模型", "芯片", "2024-03-25", Plain);
        Add("006_0000000000000006.txt", "医疗", "大模型", "人工智能", null, Plain);
        Add("007_0000000000000007.txt", "教育", "机器学习", "人工智能", "2023-09-15", Plain);
        Add("008_0000000000000008.txt", "农业", "知识图谱", "开源", null, Plain);
        _harness.Scan();
    }

    public void Dispose() => _harness.Dispose();

    private void Add(string file, string industries, string technologies, string keywords, string? date, string text) =>
        _harness.Write(file, IngestionHarness.Digest(Path.GetFileNameWithoutExtension(file), industries, technologies, keywords, date: date, text: text));

    private InsightsReport Insights(ArticleFilter filter) => _harness.Insights.For(filter);

    private static int[,] Cells(IndustryTechnologyMatrix matrix)
    {
        var cells = new int[matrix.Industries.Count, matrix.Technologies.Count];
        for (var r = 0; r < matrix.Industries.Count; r++)
        {
            for (var c = 0; c < matrix.Technologies.Count; c++)
            {
                cells[r, c] = matrix.Count(r, c);
            }
        }

        return cells;
    }

    [EngineFact]
    public void A_report_kept_for_a_view_follows_the_next_scan_that_changes_the_data()
    {
        var before = Insights(new ArticleFilter { Industries = ["医疗"] });
        Assert.Same(before, Insights(new ArticleFilter { Industries = ["医疗"] }));

        Add("009_0000000000000009.txt", "医疗", "大模型", "芯片", "2024-03-28", Plain);
        _harness.Scan();
        var added = Insights(new ArticleFilter { Industries = ["医疗"] });
        File.Delete(Path.Combine(_harness.SeedsPath, "001_0000000000000001.txt"));
        _harness.Scan();
        var removed = Insights(new ArticleFilter { Industries = ["医疗"] });

        Assert.Equal(before.Total + 1, added.Total);
        Assert.Equal(before.Total, removed.Total);
        Assert.NotEqual(Cells(added.Matrix), Cells(removed.Matrix));
        // A filter spelled otherwise (Latin case, order) is the same view.
        Assert.Same(removed, Insights(new ArticleFilter { Industries = ["医疗"], Technologies = [] }));
    }

    [EngineFact]
    public void Matrix_counts_articles_tagged_with_both_ordered_by_frequency_then_value()
    {
        var matrix = Insights(new ArticleFilter()).Matrix;

        Assert.Equal([new("医疗", 4), new("教育", 2), new("金融", 2), new("农业", 1)], matrix.Industries);
        Assert.Equal([new("大模型", 4), new("机器学习", 2), new("计算机视觉", 2), new("知识图谱", 1)], matrix.Technologies);
        Assert.Equal(new[,] { { 3, 0, 2, 0 }, { 1, 1, 0, 0 }, { 1, 1, 1, 0 }, { 0, 0, 0, 1 } }, Cells(matrix));
        Assert.Equal(3, matrix.MaxCount);
    }

    [EngineFact]
    public void Top_keeps_the_most_frequent_rows_and_columns()
    {
        var top = Insights(new ArticleFilter()).Matrix.Top(2, 1);

        Assert.Equal(["医疗", "教育"], top.Industries.Select(i => i.Value));
        Assert.Equal(["大模型"], top.Technologies.Select(t => t.Value));
        Assert.Equal(new[,] { { 3 }, { 1 } }, Cells(top));
    }

    [EngineFact]
    public void Trends_count_dated_articles_per_month_over_every_month_of_the_span_for_the_top_tags()
    {
        var report = Insights(new ArticleFilter());

        Assert.Equal(TrendGranularity.Month, report.Timeline.Granularity);
        Assert.Equal(new DateOnly(2023, 9, 1), report.Timeline.Periods[0]);
        Assert.Equal(new DateOnly(2024, 3, 1), report.Timeline.Periods[^1]);
        Assert.Equal([1, 0, 0, 0, 1, 1, 3], report.Overall.Counts);
        Assert.Equal(8, report.Total);
        Assert.Equal(2, report.Undated);
        // 农业 and 知识图谱 are only on an undated article: in the matrix, not charted over time.
        Assert.Equal(["医疗", "教育", "金融"], report.Industries.Select(s => s.Value));
        Assert.Equal([0, 0, 0, 0, 1, 1, 1], report.Industries[0].Counts);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], report.Industries[1].Counts);
        Assert.Equal(["大模型", "机器学习", "计算机视觉"], report.Technologies.Select(s => s.Value));
        Assert.Equal([0, 0, 0, 0, 1, 1, 1], report.Technologies[0].Counts);
    }

    [EngineFact]
    public void Rising_keywords_compare_the_latest_month_with_the_one_before()
    {
        var rising = Insights(new ArticleFilter()).RisingKeywords;

        // February: 人工智能, 芯片; March: 芯片 ×3, 监管. 人工智能 fell, so it is not listed.
        Assert.Equal([new RisingKeyword("芯片", 1, 3), new RisingKeyword("监管", 0, 1)], rising);
    }

    [EngineFact]
    public void A_short_span_is_counted_by_week_and_one_period_has_nothing_to_rise_from()
    {
        var report = Insights(new ArticleFilter { Keywords = ["监管"] });

        Assert.Equal(TrendGranularity.Week, report.Timeline.Granularity);
        Assert.Equal([new DateOnly(2024, 3, 18)], report.Timeline.Periods);
        Assert.Equal([1], report.Overall.Counts);
        Assert.Empty(report.RisingKeywords);
    }

    [EngineFact]
    public void An_industry_filter_keeps_the_view_to_its_articles_and_the_rows_to_the_chosen_industries()
    {
        var report = Insights(new ArticleFilter { Industries = ["医疗"] });

        Assert.Equal(4, report.Total);
        // Article 2 is also 金融, but 金融 is not a row: the list cannot show "医疗 and 金融".
        Assert.Equal([new("医疗", 4)], report.Matrix.Industries);
        Assert.Equal([new("大模型", 3), new("计算机视觉", 2)], report.Matrix.Technologies);
        Assert.Equal(new[,] { { 3, 2 } }, Cells(report.Matrix));
        Assert.Equal(["医疗"], report.Industries.Select(s => s.Value));
    }

    [EngineFact]
    public void A_technology_filter_keeps_the_columns_to_the_chosen_technologies()
    {
        var matrix = Insights(new ArticleFilter { Technologies = ["大模型"] }).Matrix;

        Assert.Equal([new("医疗", 3), new("教育", 1), new("金融", 1)], matrix.Industries);
        Assert.Equal([new("大模型", 4)], matrix.Technologies);
        Assert.Equal(new[,] { { 3 }, { 1 }, { 1 } }, Cells(matrix));
    }

    [EngineFact]
    public void Industry_and_technology_filters_together_keep_both_axes_to_the_chosen_values()
    {
        var matrix = Insights(new ArticleFilter { Industries = ["医疗"], Technologies = ["大模型"] }).Matrix;

        // Article 2 is also 金融 and 计算机视觉: neither is on an axis.
        Assert.Equal([new("医疗", 3)], matrix.Industries);
        Assert.Equal([new("大模型", 3)], matrix.Technologies);
        Assert.Equal(new[,] { { 3 } }, Cells(matrix));
    }

    [EngineFact]
    public void A_search_counts_only_its_matches()
    {
        var report = Insights(new ArticleFilter { Query = "联邦学习" });

        Assert.Equal(2, report.Total);
        Assert.Equal([new("大模型", 1), new("计算机视觉", 1)], report.Matrix.Technologies);
        Assert.Equal(new[,] { { 1, 1 } }, Cells(report.Matrix));
    }

    [EngineTheory]
    [InlineData("不存在", null)]
    [InlineData(null, "\"\"")]
    public void A_view_without_articles_is_empty(string? industry, string? query)
    {
        var report = Insights(new ArticleFilter { Industries = industry is null ? [] : [industry], Query = query });

        Assert.Equal(0, report.Total);
        Assert.Empty(report.Matrix.Industries);
        Assert.Empty(report.Timeline.Periods);
        Assert.Empty(report.RisingKeywords);
    }

    /// <summary>The suite on SQLite.</summary>
    public sealed class OnSqlite : InsightsReportTests;

    /// <summary>The suite on PostgreSQL.</summary>
    [RunsOn(StorageEngine.Postgres)]
    public sealed class OnPostgres : InsightsReportTests;
}
