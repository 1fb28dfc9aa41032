using System.Globalization;

namespace NewsDigest.Benchmarks;

/// <summary>Command-line options of the ingest benchmark. <see cref="Phase"/>, <see cref="Corpus"/>
/// and <see cref="DatabasePath"/> are set only when the benchmark starts itself as a child process.</summary>
internal sealed record IngestBenchmarkOptions(int Count, int Seed, int Runs, int MinBytes, string? Phase, string? Corpus, string? DatabasePath)
{
    /// <summary>The generator's natural mix averages about 9.7 KB a file; the target is
    /// for files of the real seed's size (13,965 bytes). Keeping only generated files of at
    /// least this size gives an average of about 14 KB.</summary>
    public const int DefaultMinBytes = 11_500;

    public static IngestBenchmarkOptions Parse(string[] args)
    {
        var options = new IngestBenchmarkOptions(Count: 10_000, Seed: 7, Runs: 3, MinBytes: DefaultMinBytes, Phase: null, Corpus: null, DatabasePath: null);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--count" => options with { Count = int.Parse(value, CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "--runs" => options with { Runs = int.Parse(value, CultureInfo.InvariantCulture) },
                "--min-bytes" => options with { MinBytes = int.Parse(value, CultureInfo.InvariantCulture) },
                "--phase" => options with { Phase = value },
                "--corpus" => options with { Corpus = value },
                "--db" => options with { DatabasePath = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
            i++;
        }

        if (options.Count < 1 || options.Runs < 1)
        {
            throw new ArgumentException("--count and --runs must be at least 1");
        }

        return options;
    }
}
