namespace NewsDigest.Core.Parsing;

/// <summary>A digest file that cannot be taken: which file, which line (1-based, 0 when the
/// whole file is at fault) and why, in words an editor can act on.</summary>
public sealed class DigestFormatException(string file, int line, string reason)
    : Exception($"{file}:{line}: {reason}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public string Reason { get; } = reason;
}
