namespace NewsDigest.Core.Search;

/// <summary>
/// Text with the places that match a search marked: plain text (not HTML) and ranges into it, sorted,
/// each non-empty and separated from the next by at least one unmarked character (matches that
/// overlap or touch are one range). Turning it into markup is the reader's business.
/// </summary>
public sealed record HighlightedText(string Text, IReadOnlyList<MarkedRange> Marks)
{
    public bool HasMarks => Marks.Count > 0;

    // Equal when the text and the ranges are: a record compares a list by reference.
    public bool Equals(HighlightedText? other) =>
        other is not null && Text == other.Text && Marks.SequenceEqual(other.Marks);

    public override int GetHashCode() => HashCode.Combine(Text, Marks.Count);

    public override string ToString() => $"{Text} [{string.Join(", ", Marks.Select(m => $"{m.Start}+{m.Length}"))}]";
}
