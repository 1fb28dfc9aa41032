// NewsDigest benchmarks: a console program, run in Release (see docs/benchmarks.md).
//   dotnet run -c Release --project tests/NewsDigest.Benchmarks -- <benchmark> [options]
// Each benchmark prints medians and ratios against its floor, and the machine it ran on.

using NewsDigest.Benchmarks;

var benchmarks = new Dictionary<string, (string Summary, Func<string[], int> Run)>(StringComparer.Ordinal)
{
    ["ingest"] = (IngestBenchmark.Summary, IngestBenchmark.Run),
    ["search"] = (NewsDigest.Benchmarks.SearchBenchmark.Summary, NewsDigest.Benchmarks.SearchBenchmark.Run),
    ["insights"] = (InsightsBenchmark.Summary, InsightsBenchmark.Run),
    ["clusters"] = (ClusterBenchmark.Summary, ClusterBenchmark.Run),
    ["pages"] = (PagesBenchmark.Summary, PagesBenchmark.Run),
    ["ceiling"] = (KestrelCeiling.Summary, KestrelCeiling.Run),
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var benchmark))
{
    Console.Error.WriteLine("usage: NewsDigest.Benchmarks <benchmark> [options]");
    foreach (var (name, (summary, _)) in benchmarks)
    {
        Console.Error.WriteLine($"  {name,-10} {summary}");
    }

    return 2;
}

return benchmark.Run(args[1..]);
