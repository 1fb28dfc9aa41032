namespace NewsDigest.Web.Tests.Infrastructure;

/// <summary>Real-shaped digest files for page tests.</summary>
public static class Digests
{
    public static string Make(
        string title,
        string industries = "医疗",
        string technologies = "大模型",
        string keywords = "人工智能",
        string date = "2024-05-01",
        string? link = null,
        string? text = null,
        string? events = null) =>
        $"""
        标题：{title}
        链接：{link ?? "https://news.example.com/" + Uri.EscapeDataString(title)}
        日期：{date}
        总结：{text ?? title + "。这是一篇关于人工智能的报道，大模型正在改变这个行业。记者采访了多位专家。"}
        关键词：{keywords}
        AI技术：{technologies}
        行业：{industries}
        重大事件摘要：{events ?? "文章讨论了以下事件：\n\n1. **发布**：新产品发布。\n\n2. **合作**：双方宣布合作。\n\n总的来说，行业在快速发展。"}
        """;

    /// <summary>A digest written by someone hostile: markup and script in every field.</summary>
    public const string Hostile = """
        标题：<script>alert('title')</script><img src=x onerror=alert(1)>
        链接：javascript:alert('link')
        日期：2024-06-01
        总结：<iframe src="https://evil.example"></iframe><script>alert('text')</script> 正文
        关键词：<b onmouseover=alert(1)>kw</b>, 正常
        AI技术：<svg onload=alert(1)>
        行业：医疗
        重大事件摘要：<script>alert('events')</script>

        1. **[点我](javascript:alert(1))**：<img src=x onerror=alert(2)>

        2. [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==){onclick="alert(3)"}
        """;
}
