using NewsDigest.Core.Clustering;
using NewsDigest.Core.Parsing;
using NewsDigest.Core.Storage;
using NewsDigest.Samples;

namespace NewsDigest.Core.Tests.Clustering;

public sealed class StoryClustererTests
{
    /// <summary>A fixed corpus: real-shaped Chinese and English coverage of a few stories, and
    /// look-alikes that are other stories. Seqs are the test's names for the articles.</summary>
    private static readonly StoryArticle[] Corpus =
    [
        // Story 1: OpenAI's quarter, three outlets; 2 links to 1 through tracking parameters, 3 has its own link.
        Article(1, "OpenAI第一季度财报：AI业务收入同比增长55%", "https://www.36kr.com/p/4087299859", "2025-01-28", "多模态", "智能体", "医疗", "电商", "制造"),
        Article(2, "OpenAI发布一季度业绩", "http://36kr.com/p/4087299859/?utm_source=weibo#comments", null, "人工智能"),
        Article(3, "OpenAI一季度财报出炉：AI业务收入同比增长55%", "https://www.jiemian.com/article/12208841.html", "2025-01-29", "多模态", "智能体", "医疗", "电商", "人工智能"),

        // Story 2: ERNIE 4.0, two outlets, same day, different links.
        Article(10, "百度发布文心大模型4.0，称综合能力不逊于GPT-4", "https://www.thepaper.cn/newsDetail_forward_24960001", "2023-10-17", "文心一言", "大模型", "科技", "人工智能", "百度"),
        Article(11, "百度发布文心大模型4.0：综合能力不逊于GPT-4", "https://tech.sina.com.cn/i/2023-10-17/doc-imzrabcd.shtml", "2023-10-17", "文心一言", "大模型", "科技", "人工智能"),

        // Story 3: English near-duplicate headlines a day apart.
        Article(20, "Nvidia unveils Blackwell B200 GPU at GTC 2024", "https://www.theverge.com/2024/3/18/nvidia-blackwell", "2024-03-18", "gpu", "chips", "semiconductors", "nvidia"),
        Article(21, "Nvidia unveils Blackwell B200 GPU at GTC", "https://www.reuters.com/technology/nvidia-blackwell-2024-03-19/", "2024-03-19", "gpu", "chips", "semiconductors"),

        // Look-alikes that are other stories.
        // A template headline with other names: similar title, other tags.
        Article(30, "算力紧缺之下，腾讯如何破局", "https://www.huxiu.com/article/1.html", "2024-06-01", "混元大模型", "云计算", "算力"),
        Article(31, "算力紧缺之下，OpenAI如何破局", "https://www.huxiu.com/article/2.html", "2024-06-01", "ChatGPT", "医疗", "算力"),
        // The same headline and tags a year later: a new story.
        Article(32, "百度发布文心大模型4.0：综合能力不逊于GPT-4", "https://example.com/2024/10/17", "2024-10-17", "文心一言", "大模型", "科技", "人工智能"),
        // Same story wording, but undated: joins only by link, and it has its own.
        Article(33, "Nvidia unveils Blackwell B200 GPU at GTC", "https://example.com/undated", null, "gpu", "chips", "semiconductors"),
        // A different English story the same day.
        Article(34, "AMD unveils MI300X GPU at its AI event", "https://example.com/amd", "2024-03-18", "gpu", "chips", "semiconductors"),
        // A title too short to judge: "GPT-5" has two shingles.
        Article(35, "GPT-5", "https://example.com/gpt5-a", "2025-08-07", "openai"),
        Article(36, "GPT-5!", "https://example.com/gpt5-b", "2025-08-07", "openai"),
    ];

    [Fact]
    public void The_fixed_corpus_clusters_into_its_three_stories()
    {
        var clusters = StoryClusterer.Cluster(Corpus);

        Assert.Equal<IReadOnlyList<long>>([[1, 2, 3], [10, 11], [20, 21]], clusters);
    }

    [Fact]
    public void Input_order_does_not_change_the_clusters()
    {
        var reversed = StoryClusterer.Cluster([.. Corpus.Reverse()]);

        Assert.Equal(StoryClusterer.Cluster(Corpus), reversed);
    }

    [Theory]
    // Same normalised link, whatever the titles and dates.
    [InlineData(1, 2, true)]
    // Near-duplicate titles and tags within three days.
    [InlineData(1, 3, true)]
    [InlineData(10, 11, true)]
    [InlineData(20, 21, true)]
    // 2 and 3 are one story only through 1: the rule is not transitive, the clusters are.
    [InlineData(2, 3, false)]
    [InlineData(30, 31, false)]
    [InlineData(11, 32, false)]
    [InlineData(21, 33, false)]
    [InlineData(20, 34, false)]
    [InlineData(35, 36, false)]
    public void The_pair_rule(long a, long b, bool same) =>
        Assert.Equal(same, StoryClusterer.AreSameStory(Find(a), Find(b)));

    [Theory]
    [InlineData("国产大模型", new[] { "国产", "产大", "大模", "模型" })]
    [InlineData("OpenAI's GPT-4o", new[] { "openai", "s", "gpt", "4o" })]
    [InlineData("OpenAI第一季度财报", new[] { "openai", "第一", "一季", "季度", "度财", "财报" })]
    [InlineData("“诸神之战”", new[] { "诸神", "神之", "之战" })]
    public void Title_shingles_are_cjk_bigrams_and_lower_cased_words(string title, string[] expected) =>
        Assert.Equal(expected.Order(), StoryClusterer.TitleShingles(title).Order());

    [Fact]
    public void An_empty_corpus_has_no_clusters() => Assert.Empty(StoryClusterer.Cluster([]));

    /// <summary>
    /// The inverted index must find every pair the rule accepts. Generated headlines come from a
    /// few templates, so with their dates squeezed into three days many pairs are near-duplicates:
    /// the clusters must equal the transitive closure of the pair rule checked on every pair.
    /// </summary>
    [Fact]
    public void The_indexed_pass_finds_what_checking_every_pair_finds()
    {
        var parser = new DigestParser(new DigestParserOptions());
        var articles = new List<StoryArticle>();
        foreach (var generated in new DigestGenerator(8).Generate(500))
        {
            var digest = parser.Parse(generated.FileName, generated.Content);
            articles.Add(new StoryArticle(
                articles.Count,
                digest.Title,
                articles.Count % 7 == 0 ? null : digest.Link,
                digest.Date is null ? null : new DateOnly(2024, 6, 1).AddDays(articles.Count % 3),
                [.. digest.Industries.Concat(digest.Technologies).Concat(digest.Keywords).Select(TagKinds.Normalize).Distinct()]));
        }

        var clusters = StoryClusterer.Cluster(articles);

        Assert.Equal(BruteForce(articles), clusters);
        // Some were joined by their titles, not by one shared link.
        Assert.Contains(clusters, c => c.Select(seq => StoryLink.Normalize(articles[(int)seq].Link)).Distinct().Count() > 1);
    }

    private static List<IReadOnlyList<long>> BruteForce(List<StoryArticle> articles)
    {
        var story = Enumerable.Range(0, articles.Count).ToArray();
        for (var i = 0; i < articles.Count; i++)
        {
            for (var j = i + 1; j < articles.Count; j++)
            {
                if (StoryClusterer.AreSameStory(articles[i], articles[j]))
                {
                    var (from, to) = (story[j], story[i]);
                    for (var k = 0; k < story.Length; k++)
                    {
                        story[k] = story[k] == from ? to : story[k];
                    }
                }
            }
        }

        return [.. Enumerable.Range(0, articles.Count)
            .GroupBy(i => story[i])
            .Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<long>)[.. g.Select(i => (long)i).Order()])
            .OrderBy(c => c[0])];
    }

    private static StoryArticle Find(long seq) => Corpus.Single(a => a.Seq == seq);

    private static StoryArticle Article(long seq, string title, string link, string? date, params string[] tags) =>
        new(seq, title, link, date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), [.. tags.Select(TagKinds.Normalize)]);
}
