namespace NewsDigest.Core.Storage;

/// <summary>The long texts of an article, for search snippets.</summary>
public sealed record ArticleText(long Seq, string Text, string EventsMarkdown);
