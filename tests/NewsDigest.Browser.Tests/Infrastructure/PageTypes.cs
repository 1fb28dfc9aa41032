namespace NewsDigest.Browser.Tests.Infrastructure;

/// <summary>One address for each kind of page the portal serves, for checks that run on all of them.</summary>
public static class PageTypes
{
    public static readonly IReadOnlyDictionary<string, string> Paths = new Dictionary<string, string>
    {
        ["home"] = "/",
        ["filtered"] = $"/?industry={Uri.EscapeDataString(Corpus.Education)}&tech={Uri.EscapeDataString(Corpus.LargeModels)}",
        ["search"] = $"/?q={Uri.EscapeDataString("模型")}",
        ["article"] = Corpus.SeedPath,
        ["tags"] = "/tags",
        ["tag"] = $"/tags/industry/{Uri.EscapeDataString(Corpus.Education)}",
        ["tags-kind"] = "/tags?kind=keyword",
        ["ingestion"] = "/ingestion",
        ["ingestion-reason"] = "/ingestion?reason=no-title",
        ["ingestion-stories"] = "/ingestion/stories",
        ["insights"] = "/insights",
        ["insights-filtered"] = $"/insights?industry={Uri.EscapeDataString(Corpus.Education)}",
        ["not-found"] = "/no-such-page",
    };

    public static readonly string[] Themes = ["light", "dark"];
}
