namespace NewsDigest.Core.Parsing;

/// <summary>Where one field's value sits in the text: from just past its label's colon
/// (<paramref name="Start"/>) to the start of the next label's line (<paramref name="End"/>).</summary>
internal readonly record struct FieldSpan(DigestLabel Label, int Line, int Start, int End);
