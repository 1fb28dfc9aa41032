namespace NewsDigest.Core.Tests.Rendering;

/// <summary>Text taken verbatim from the real seed seeds/000_77fc480992936622.txt.</summary>
internal static class RenderingTestData
{
    /// <summary>The seed's 重大事件摘要 field.</summary>
    public static string EventsSummary { get; } = Read("events-summary.md");

    /// <summary>The seed's 总结 field: one line of about 4,000 characters.</summary>
    public static string ArticleText { get; } = Read("article-text.txt");

    private static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Rendering", name));
}
