namespace NewsDigest.Core.Rendering;

/// <summary>An events summary (重大事件摘要) as safe HTML.</summary>
/// <param name="Html">Sanitised HTML, ready to write unencoded into a page.</param>
/// <param name="EventCount">How many points got an <c>event-N</c> anchor.</param>
public sealed record RenderedEvents(string Html, int EventCount);
