namespace NewsDigest.Core.Storage;

/// <summary>A tag value with the number of articles carrying it in the current result.</summary>
public sealed record FacetValue(string Value, int Count);
