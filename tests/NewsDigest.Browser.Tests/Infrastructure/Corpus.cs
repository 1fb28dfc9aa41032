namespace NewsDigest.Browser.Tests.Infrastructure;

/// <summary>What TestData/Seeds holds: twelve digests (the real seed, generated Chinese and
/// English ones) and one file without a title that ingestion rejects. Tests name these facts
/// here once.</summary>
public static class Corpus
{
    public const int Articles = 12;

    /// <summary>The real seed, 000_77fc480992936622.txt: six numbered events, ChatGPT in its text.</summary>
    public const string SeedId = "77fc480992936622";

    public const string SeedTitle = "国产大模型“诸神之战”出路何方";

    public const string SeedPath = "/articles/77fc480992936622/guo-chan-da-mo-xing-zhu-shen-zhi-zhan-chu-lu-he-fang";

    public const string RejectedFile = "broken_no_title.txt";

    /// <summary>Industry 教育: seven articles.</summary>
    public const string Education = "教育";

    public const int EducationCount = 7;

    /// <summary>Technology 大模型: four articles, three of them also 教育.</summary>
    public const string LargeModels = "大模型";

    public const int LargeModelsCount = 4;

    public static readonly string[] EducationAndLargeModelsTitles =
    [
        "字节跳动成立生成式AI事业部，全力冲刺医疗市场",
        "国产大模型“百模大战”出路何方",
        "阿里巴巴被曝正在训练新一代大模型，性能或超越GPT-4",
    ];

    /// <summary>模型 appears in every Chinese digest's text and in none of the three English ones.</summary>
    public const int ChineseArticles = 9;

    /// <summary>ChatGPT: the real seed's text and an English digest's title.</summary>
    public static readonly string[] ChatGptTitles = ["xAI unveils Grok to rival ChatGPT", SeedTitle];
}
