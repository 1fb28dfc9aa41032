using NewsDigest.Core.Tests.Engines;

namespace NewsDigest.Core.Tests.Search.Relevance;

/// <summary>
/// The relevance set of issue 4: each query through the real ArticleListing.List over
/// <see cref="RelevanceCorpus"/>. A failure names the query and prints what came back.
/// </summary>
public abstract class RelevanceTests(RelevanceCorpus corpus)
{
    // The real seed and the hand-written digests (TestData/Relevance), by title.
    private const string Seed = "国产大模型“诸神之战”出路何方";
    private const string Imaging = "医疗影像AI获批上市";
    private const string XingheGpt4 = "星河问诊发布GPT-4医疗助手";
    private const string Gpt4Turbo = "GPT-4 Turbo pricing cut";
    private const string GptFamily = "Roadmap for generative models";
    private const string Contamination = "Data contamination in benchmarks";
    private const string ContactCenter = "Contact center automation";
    private const string CSharp = "C# developers adopt AI coding tools";
    private const string CLanguage = "C语言与嵌入式AI";
    private const string MultiAgent = "Multi-agent systems for logistics";
    private const string AgentFrameworks = "Agent frameworks compared";
    private const string DrugDiscovery = "AI speeds up drug discovery";
    private const string DrugApprovals = "New drug approvals rise";
    private const string Twilight = "游戏中的诸神黄昏";
    private const string Pharma = "医药研发新突破";
    private const string FullWidth = "全角ＧＰＴ报道";
    private const string ChipExports = "芯片出口管制升级";
    private const string ChatGptUsers = "ChatGPT用户突破一亿";
    private const string LlmRanking = "大模型评测：谁是第一";
    private const string HospitalReport = "医院数字化转型报告";
    private const string EdgeReview = "边缘计算年度盘点";
    private const string DataCenters = "数据中心能耗调查";
    private const string MedicalChips = "医疗芯片初创公司融资";
    private const string RiskModel = "银行风控模型上线";

    public static TheoryData<RelevanceCase> Cases => new(
        // One, two, three and four Chinese characters.
        Case("医", appear: [Imaging, XingheGpt4, Pharma, HospitalReport, MedicalChips, Seed], not: [ChipExports, RiskModel, EdgeReview]),
        Case("芯", appear: [ChipExports, MedicalChips], not: [Pharma, Imaging]),
        Case("医疗", appear: [Imaging, XingheGpt4, HospitalReport, MedicalChips, Seed], not: [Pharma, ChipExports]),
        Case("医药", appear: [Pharma, Seed], not: [Imaging, MedicalChips]),
        Case("影像", appear: [Imaging], not: [Pharma]),
        Case("模型", appear: [Seed, LlmRanking, RiskModel], not: [ChipExports, Imaging]),
        Case("大模型", appear: [Seed, LlmRanking], not: [RiskModel]),
        Case("单片机", appear: [CLanguage], not: [CSharp]),
        Case("诸神之战", appear: [Seed], first: [Seed], not: [Twilight]),
        Case("众神之战", appear: [Twilight], not: [Seed]),
        Case("诸神", appear: [Seed, Twilight]),
        Case("之战", appear: [Seed, Twilight]),
        Case("医疗器械", appear: [Imaging], not: [XingheGpt4, MedicalChips]),

        // English: case-insensitive, whole words, prefixes.
        Case("chatgpt", appear: [ChatGptUsers, Gpt4Turbo, Seed], not: [XingheGpt4]),
        Case("ChatGPT", appear: [ChatGptUsers, Gpt4Turbo, Seed], not: [XingheGpt4]),
        Case("CHATGPT", appear: [ChatGptUsers, Gpt4Turbo, Seed], not: [XingheGpt4]),
        Case("gpt", appear: [XingheGpt4, Gpt4Turbo, GptFamily, FullWidth], not: [ChatGptUsers]),
        Case("openai", appear: [Gpt4Turbo, ChatGptUsers], not: [CSharp]),
        Case("Nvidia", appear: [ChipExports], not: [MedicalChips]),
        Case("contamination", appear: [Contamination], not: [ContactCenter]),
        Case("contam*", appear: [Contamination], not: [ContactCenter]),
        Case("Contam*", appear: [Contamination], not: [ContactCenter]),
        Case("contam", appear: [], not: [Contamination]),
        Case("gen*", appear: [GptFamily], not: [Twilight]),
        Case("open*", appear: [Gpt4Turbo, ChatGptUsers, AgentFrameworks], not: [MultiAgent]),

        // Punctuation inside terms.
        Case("GPT-4", appear: [XingheGpt4, Gpt4Turbo, FullWidth], not: [GptFamily]),
        Case("gpt-4 turbo", appear: [Gpt4Turbo], not: [XingheGpt4, FullWidth]),
        Case("\"GPT-4 Turbo\"", appear: [Gpt4Turbo], not: [XingheGpt4]),
        Case("C#", appear: [CSharp], not: [CLanguage]),
        Case("c#", appear: [CSharp], not: [CLanguage]),
        Case(".NET", appear: [CSharp], not: [CLanguage]),
        Case("C语言", appear: [CLanguage], not: [CSharp]),
        Case("multi-agent", appear: [MultiAgent], not: [AgentFrameworks]),
        Case("multi agent", appear: [MultiAgent, AgentFrameworks]),
        Case("\"drug discovery\"", appear: [DrugDiscovery], not: [DrugApprovals]),
        Case("drug discovery", appear: [DrugDiscovery, DrugApprovals], not: [Pharma]),
        Case("“drug discovery”", appear: [DrugDiscovery], not: [DrugApprovals]),

        // Full-width forms are the same as half-width.
        Case("ＧＰＴ－４", appear: [XingheGpt4, Gpt4Turbo, FullWidth], not: [GptFamily]),
        Case("ＧＰＴ", appear: [XingheGpt4, Gpt4Turbo, GptFamily, FullWidth], not: [ChatGptUsers]),
        Case("ｃｈａｔｇｐｔ", appear: [ChatGptUsers, Seed], not: [XingheGpt4]),

        // Mixed scripts, several terms (all must match), phrases.
        Case("GPT-4 医疗", appear: [XingheGpt4], not: [Gpt4Turbo, Imaging, FullWidth]),
        Case("ChatGPT用户", appear: [ChatGptUsers], not: [Seed]),
        Case("医疗 芯片", appear: [MedicalChips], not: [ChipExports, Imaging]),
        Case("医 芯", appear: [MedicalChips], not: [ChipExports, Imaging]),
        Case("游戏 英雄", appear: [Twilight], not: [Seed]),
        Case("\"出口管制\"", appear: [ChipExports], not: [MedicalChips]),
        Case("风控模型", appear: [RiskModel], not: [LlmRanking]),
        Case("warehouses robots", appear: [MultiAgent], not: [AgentFrameworks]),

        // Operators are words: no syntax, no error.
        Case("C# AND .NET", appear: [CSharp], not: [CLanguage]),
        Case("^星河问诊", appear: [XingheGpt4]),
        Case("星河问诊 NOT", appear: [], not: [XingheGpt4]),

        // Title and tag matches rank above body-only matches.
        Case("星河问诊", appear: [XingheGpt4, HospitalReport], first: [XingheGpt4]),
        Case("面壁露卡", appear: [Seed, HospitalReport], first: [Seed]),
        Case("雁栖计算", appear: [EdgeReview, DataCenters], first: [EdgeReview]),
        Case("multi-agent planning", appear: [MultiAgent], first: [MultiAgent]));

    [EngineTheory]
    [MemberData(nameof(Cases), MemberType = typeof(RelevanceTests))]
    public void Query_finds_what_it_must_and_nothing_it_must_not(RelevanceCase expected)
    {
        var titles = corpus.Search(expected.Query);
        var shown = $"'{expected.Query}' gave: {string.Join(" | ", titles)}";

        Assert.All(expected.MustAppear, t => Assert.True(titles.Contains(t), $"missing {t}; {shown}"));
        Assert.True(titles.Take(expected.First.Length).SequenceEqual(expected.First), $"first should be {string.Join(" | ", expected.First)}; {shown}");
        Assert.All(expected.MustNotAppear, t => Assert.False(titles.Contains(t), $"unexpected {t}; {shown}"));
    }

    [EngineFact]
    public void The_set_has_at_least_forty_queries() => Assert.True(Cases.Count >= 40);

    private static RelevanceCase Case(string query, string[] appear, string[]? first = null, string[]? not = null) =>
        new(query, appear, first ?? [], not ?? []);

    /// <summary>The set on SQLite.</summary>
    public sealed class OnSqlite(RelevanceCorpus corpus) : RelevanceTests(corpus), IClassFixture<RelevanceCorpus>;

    /// <summary>The set on PostgreSQL.</summary>
    [RunsOn(StorageEngine.Postgres)]
    public sealed class OnPostgres(PostgresRelevanceCorpus corpus) : RelevanceTests(corpus), IClassFixture<PostgresRelevanceCorpus>;
}
