namespace NewsDigest.Core.Parsing;

/// <summary>One parsed digest file: the contract of docs/seed-format.md as data.</summary>
/// <param name="Title">标题, required, trimmed.</param>
/// <param name="Link">链接 when it is an absolute http/https URL, else null (and a warning).</param>
/// <param name="Text">总结: the article text, line breaks kept.</param>
/// <param name="Keywords">关键词, normalised tag list.</param>
/// <param name="Technologies">AI技术, normalised tag list.</param>
/// <param name="Industries">行业, normalised tag list.</param>
/// <param name="EventsMarkdown">重大事件摘要: Markdown, line breaks kept.</param>
/// <param name="Date">发布时间 / 日期 when present and valid.</param>
/// <param name="Warnings">Problems that did not stop the file from being taken.</param>
public sealed record Digest(
    string Title,
    string? Link,
    string Text,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Technologies,
    IReadOnlyList<string> Industries,
    string EventsMarkdown,
    DateOnly? Date,
    IReadOnlyList<DigestWarning> Warnings);

/// <summary>A problem in a file that was still taken, e.g. a link that is not http/https.</summary>
public sealed record DigestWarning(int Line, string Message);
