namespace NewsDigest.Core.Search;

/// <summary>A stretch of a <see cref="HighlightedText"/> that matches a search term, in UTF-16 code
/// units (string indexes, as in .NET and JavaScript).</summary>
public readonly record struct MarkedRange(int Start, int Length)
{
    public int End => Start + Length;
}
