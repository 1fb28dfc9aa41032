namespace NewsDigest.Core.Search;

/// <summary>
/// Analyzer tokens that must stand together in this order (one token is a plain term);
/// <see cref="IsPrefix"/>: the last token also matches any longer token it starts.
/// </summary>
public sealed record SearchPhrase(IReadOnlyList<string> Tokens, bool IsPrefix)
{
    public bool Equals(SearchPhrase? other) =>
        other is not null && IsPrefix == other.IsPrefix && Tokens.SequenceEqual(other.Tokens, StringComparer.Ordinal);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(IsPrefix);
        foreach (var token in Tokens)
        {
            hash.Add(token, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
