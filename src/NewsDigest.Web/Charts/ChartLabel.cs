namespace NewsDigest.Web.Charts;

/// <summary>A text label placed in an SVG chart. <see cref="Text"/> may be shortened; <see cref="FullText"/> never is.</summary>
public sealed record ChartLabel(string Text, string FullText, string X, string Y, string Anchor = "start")
{
    public bool IsShortened => Text != FullText;
}
