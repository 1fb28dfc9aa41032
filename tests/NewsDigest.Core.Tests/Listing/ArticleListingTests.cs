using NewsDigest.Core.Storage;
using NewsDigest.Core.Tests.Engines;
using NewsDigest.Core.Tests.Ingestion;

namespace NewsDigest.Core.Tests.Listing;

/// <summary>Filters, facets, paging and ordering over a small fixed corpus on each engine.</summary>
public abstract class ArticleListingTests : IDisposable
{
    private readonly IngestionHarness _harness;

    protected ArticleListingTests()
    {
        _harness = new(engine: RunsOnAttribute.EngineOf(GetType()));
        // title, industries, technologies, keywords, date
        Add("001_0000000000000001.txt", "医疗大模型", "医疗", "大模型", "人工智能", "2024-03-01");
        Add("002_0000000000000002.txt", "金融风控", "金融", "机器学习", "风控", "2024-03-02");
        Add("003_0000000000000003.txt", "医疗影像", "医疗, 制造", "计算机视觉", "人工智能", "2024-03-03");
        Add("004_0000000000000004.txt", "教育助手", "教育", "大模型、自然语言处理", "ChatGPT", "2024-03-04");
        Add("005_0000000000000005.txt", "Bank AI", "Finance, 金融", "LLM", "chatgpt", "2024-03-05");
        Add("006_0000000000000006.txt", "无日期文章", "医疗", "大模型", "芯片", null);
        _harness.Scan();
    }

    public void Dispose() => _harness.Dispose();

    private void Add(string file, string title, string industries, string technologies, string keywords, string? date) =>
        _harness.Write(file, IngestionHarness.Digest(title, industries, technologies, keywords, date: date));

    private List<string> Titles(ArticleFilter filter) => _harness.Listing.List(filter).Items.Select(i => i.Title).ToList();

    [EngineFact]
    public void Newest_first_by_digest_date_with_undated_articles_at_their_ingestion_time()
    {
        var titles = Titles(new ArticleFilter());

        // The undated article was ingested now, after every dated one.
        Assert.Equal(["无日期文章", "Bank AI", "教育助手", "医疗影像", "金融风控", "医疗大模型"], titles);
    }

    [EngineFact]
    public void Values_of_one_kind_are_ored()
    {
        var titles = Titles(new ArticleFilter { Industries = ["教育", "金融"] });

        Assert.Equal(["Bank AI", "教育助手", "金融风控"], titles);
    }

    [EngineFact]
    public void Kinds_are_anded()
    {
        var titles = Titles(new ArticleFilter { Industries = ["医疗"], Technologies = ["大模型"] });

        Assert.Equal(["无日期文章", "医疗大模型"], titles);
    }

    [EngineFact]
    public void Tag_filters_match_latin_case_insensitively()
    {
        var titles = Titles(new ArticleFilter { Keywords = ["CHATGPT"] });

        Assert.Equal(["Bank AI", "教育助手"], titles);
    }

    [EngineFact]
    public void An_unknown_tag_gives_an_empty_result()
    {
        var page = _harness.Listing.List(new ArticleFilter { Industries = ["不存在"] });

        Assert.Equal(0, page.Total);
        Assert.Empty(page.Items);
        Assert.All(page.Facets.Values, Assert.Empty);
    }

    [EngineFact]
    public void Facet_counts_describe_the_filtered_result()
    {
        var page = _harness.Listing.List(new ArticleFilter { Industries = ["医疗"] });

        Assert.Equal(3, page.Total);
        Assert.Equal(new FacetValue("医疗", 3), page.Facets[TagKind.Industry][0]);
        Assert.Contains(new FacetValue("制造", 1), page.Facets[TagKind.Industry]);
        Assert.Equal(new FacetValue("大模型", 2), page.Facets[TagKind.Technology][0]);
        Assert.Equal(new FacetValue("人工智能", 2), page.Facets[TagKind.Keyword][0]);
        Assert.DoesNotContain(page.Facets[TagKind.Industry], f => f.Value == "金融");
    }

    [EngineFact]
    public void Paging_edges()
    {
        var first = _harness.Listing.List(new ArticleFilter { PageSize = 4 });
        var last = _harness.Listing.List(new ArticleFilter { PageSize = 4, Page = 2 });
        var beyond = _harness.Listing.List(new ArticleFilter { PageSize = 4, Page = 3 });

        Assert.Equal(6, first.Total);
        Assert.Equal(2, first.PageCount);
        Assert.Equal(4, first.Items.Count);
        Assert.Equal(2, last.Items.Count);
        Assert.Empty(beyond.Items);
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(last.Items.Select(i => i.Id)));
    }

    [EngineFact]
    public void Page_size_is_capped()
    {
        var page = _harness.Listing.List(new ArticleFilter { PageSize = 10_000 });

        Assert.Equal(ArticleFilter.MaxPageSize, page.PageSize);
    }

    [EngineFact]
    public void Tags_lists_every_value_with_its_count()
    {
        var industries = _harness.Listing.Tags(TagKind.Industry);

        Assert.Equal(new FacetValue("医疗", 3), industries[0]);
        Assert.Equal(2, industries.Single(t => t.Value == "金融").Count);
        Assert.Equal("Finance", _harness.Articles.FindTag(TagKind.Industry, "finance"));
        Assert.Null(_harness.Articles.FindTag(TagKind.Industry, "不存在"));
    }

    [EngineFact]
    public void Related_articles_share_the_most_tags_first()
    {
        var article = _harness.Articles.Get("0000000000000001")!;

        // 无日期文章 and 医疗影像 share two tags (the undated one is newer), 教育助手 one; the
        // others share none and are not related at all.
        Assert.Equal(["无日期文章", "医疗影像", "教育助手"], _harness.Listing.Around(article.Seq, 10).Related.Select(r => r.Title));
        Assert.Equal(["无日期文章", "医疗影像"], _harness.Listing.Around(article.Seq, 2).Related.Select(r => r.Title));
        Assert.Equal(["医疗"], _harness.Listing.Around(article.Seq, 1).Related[0].Industries);
    }

    [EngineFact]
    public void Neighbours_follow_the_list_order()
    {
        var middle = _harness.Articles.Get("0000000000000003")!;

        var around = _harness.Listing.Around(middle.Seq, 5);

        Assert.Equal("教育助手", around.Newer?.Title);
        Assert.Equal("金融风控", around.Older?.Title);
        Assert.Null(_harness.Listing.Around(_harness.Articles.Get("0000000000000006")!.Seq, 5).Newer);
        Assert.Null(_harness.Listing.Around(_harness.Articles.Get("0000000000000001")!.Seq, 5).Older);
    }

    [EngineFact]
    public void Co_occurring_tags_are_counted()
    {
        var tags = _harness.Listing.CoOccurring(TagKind.Industry, "医疗", 10);

        Assert.Equal(
            [(TagKind.Technology, new FacetValue("大模型", 2)), (TagKind.Keyword, new FacetValue("人工智能", 2))],
            tags.Take(2).OrderBy(t => t.Kind));
    }

    [EngineFact]
    public void A_phrase_ranks_first_only_where_it_stands_whole_in_the_title_or_tags()
    {
        using var harness = new IngestionHarness(engine: _harness.Engine);
        var body = string.Concat(Enumerable.Repeat("大模型正在改变行业，大模型的训练成本也在下降。", 20));

        // The title has both tokens of 大模型 (大模, 模型) but not the phrase; the body is full of it.
        harness.Write("001_0000000000000001.txt", IngestionHarness.Digest("大型企业的模型压缩", technologies: "机器学习", keywords: "压缩", text: body));
        harness.Write("002_0000000000000002.txt", IngestionHarness.Digest("一篇提到大模型的短讯", technologies: "机器学习", keywords: "短讯", text: "短讯。"));
        harness.Write("003_0000000000000003.txt", IngestionHarness.Digest("无关的标题", technologies: "大模型", keywords: "其他", text: "正文只有一次大模型。"));

        // Three articles without it, so the search matches half of them and is scored by bm25.
        for (var i = 4; i <= 6; i++)
        {
            harness.Write($"00{i}_000000000000000{i}.txt", IngestionHarness.Digest($"芯片新闻{i}", technologies: "芯片", keywords: "半导体", text: "芯片产能继续提升。"));
        }

        harness.Scan();

        var titles = harness.Listing.List(new ArticleFilter { Query = "大模型" }).Items.Select(i => i.Title).ToList();

        Assert.Equal(3, titles.Count);
        Assert.Equal("大型企业的模型压缩", titles[^1]);
    }

    [EngineFact]
    public void A_search_of_most_articles_ranks_title_and_tag_matches_first_then_the_newest()
    {
        using var harness = new IngestionHarness(engine: _harness.Engine);
        var repeated = string.Concat(Enumerable.Repeat("模型的训练与模型的部署。", 20));
        harness.Write("001_0000000000000001.txt", IngestionHarness.Digest("较早的长文", technologies: "芯片", keywords: "训练", date: "2024-03-01", text: repeated));
        harness.Write("002_0000000000000002.txt", IngestionHarness.Digest("最新的短讯", technologies: "芯片", keywords: "部署", date: "2024-03-03", text: "提到一次模型。"));
        harness.Write("003_0000000000000003.txt", IngestionHarness.Digest("模型周报", technologies: "芯片", keywords: "周报", date: "2024-03-02", text: "本周要闻。"));
        harness.Write("004_0000000000000004.txt", IngestionHarness.Digest("芯片新闻", technologies: "芯片", keywords: "半导体", date: "2024-03-04", text: "芯片产能继续提升。"));
        harness.Scan();

        // 模型 is in three of four articles: a word most articles use says nothing about one of
        // them (bm25 gives it no weight), so the long article that repeats it does not rank first.
        var titles = harness.Listing.List(new ArticleFilter { Query = "模型" }).Items.Select(i => i.Title);

        Assert.Equal(["模型周报", "最新的短讯", "较早的长文"], titles);
    }

    [EngineFact]
    public void In_a_search_of_most_articles_more_terms_in_the_title_or_tags_rank_higher()
    {
        using var harness = new IngestionHarness(engine: _harness.Engine);
        harness.Write("001_0000000000000001.txt", IngestionHarness.Digest("模型与芯片", technologies: "芯片", keywords: "训练", date: "2024-03-01", text: "模型需要芯片。"));
        harness.Write("002_0000000000000002.txt", IngestionHarness.Digest("新模型发布", technologies: "机器学习", keywords: "发布", date: "2024-03-03", text: "模型需要芯片。"));
        harness.Write("003_0000000000000003.txt", IngestionHarness.Digest("行业简讯", technologies: "机器学习", keywords: "简讯", date: "2024-03-04", text: "模型需要芯片。"));
        harness.Scan();

        var titles = harness.Listing.List(new ArticleFilter { Query = "模型 芯片" }).Items.Select(i => i.Title);

        // Both terms in the title first, then one term, then none; the newest last here.
        Assert.Equal(["模型与芯片", "新模型发布", "行业简讯"], titles);
    }

    /// <summary>The suite on SQLite.</summary>
    public sealed class OnSqlite : ArticleListingTests;

    /// <summary>The suite on PostgreSQL.</summary>
    [RunsOn(StorageEngine.Postgres)]
    public sealed class OnPostgres : ArticleListingTests;
}
