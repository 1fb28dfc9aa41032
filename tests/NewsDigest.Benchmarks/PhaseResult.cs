using System.Globalization;

namespace NewsDigest.Benchmarks;

/// <summary>One timed measurement made in a child process, passed back to the parent as one
/// line on standard output.</summary>
internal sealed record PhaseResult(double Seconds, long PeakWorkingSetBytes)
{
    private const string Prefix = "result ";

    public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Seconds:R} {PeakWorkingSetBytes}");

    public static PhaseResult? FromLine(string line)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = line[Prefix.Length..].Split(' ');
        return new PhaseResult(double.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
