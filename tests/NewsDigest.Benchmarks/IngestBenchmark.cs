using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NewsDigest.Core.Parsing;
using NewsDigest.Samples;

namespace NewsDigest.Benchmarks;

/// <summary>
/// Issue 2: parser throughput, ingesting a generated folder into an empty database (time and peak
/// memory), an unchanged rescan, and the floor (a bare bulk insert of the same rows), with the
/// ingest time as a ratio to that floor. Ingest, rescan and floor each run in a fresh child
/// process (see <see cref="PhaseProcess"/>).
/// </summary>
internal static class IngestBenchmark
{
    public const string Summary = "parser MB/s; ingest, unchanged rescan and bare-insert floor of generated digests";

    private const double MegaByte = 1_000_000;

    public static int Run(string[] args)
    {
        var options = IngestBenchmarkOptions.Parse(args);
        switch (options.Phase)
        {
            case "ingest":
                IngestPhases.Ingest(options.Corpus!, options.DatabasePath!);
                return 0;
            case "rescan":
                IngestPhases.Rescan(options.Corpus!, options.DatabasePath!);
                return 0;
            case "floor":
                BulkInsertFloor.Run(options.Corpus!, options.DatabasePath!, options.Runs);
                return 0;
            case null:
                return RunAll(options, args);
            default:
                throw new ArgumentException($"unknown phase {options.Phase}");
        }
    }

    private static int RunAll(IngestBenchmarkOptions options, string[] args)
    {
        MachineInfo.Print("ingest", args);
        var work = Path.Combine(Path.GetTempPath(), $"newsdigest-ingest-bench-{Environment.ProcessId}");
        var corpus = Path.Combine(work, "seeds");
        var databasePath = Path.Combine(work, "ingest.db");
        try
        {
            var generation = Stopwatch.StartNew();
            WriteCorpus(corpus, options);
            var files = Directory.GetFiles(corpus).Order(StringComparer.Ordinal).Select(f => (Path: f, Bytes: File.ReadAllBytes(f))).ToArray();
            var totalBytes = files.Sum(f => (long)f.Bytes.Length);
            Console.WriteLine($"corpus:   {files.Length:N0} digests (seed {options.Seed}), {totalBytes / MegaByte:F1} MB, average {totalBytes / files.Length:N0} bytes (the real seed is 13,965), files under {options.MinBytes:N0} bytes skipped, generated in {generation.Elapsed.TotalSeconds:F1} s");
            Console.WriteLine();

            var parseSeconds = ParseAll(files, options.Runs);
            var parseMegaBytesPerSecond = totalBytes / MegaByte / Median.Of(parseSeconds);
            Console.WriteLine($"parse:    {Format(parseSeconds)} s -> median {parseMegaBytesPerSecond:F1} MB/s   (load {MachineInfo.LoadAverage()})");

            var ingests = new List<PhaseResult>();
            for (var run = 0; run < options.Runs; run++)
            {
                ingests.AddRange(PhaseProcess.Run("ingest", corpus, databasePath, 1));
                Console.WriteLine($"ingest:   run {run + 1}: {ingests[^1].Seconds:F2} s, peak {ingests[^1].PeakWorkingSetBytes / MegaByte:F0} MB   (load {MachineInfo.LoadAverage()})");
            }

            var rescans = new List<PhaseResult>();
            for (var run = 0; run < options.Runs; run++)
            {
                rescans.AddRange(PhaseProcess.Run("rescan", corpus, databasePath, 1));
                Console.WriteLine($"rescan:   run {run + 1}: {rescans[^1].Seconds:F3} s, peak {rescans[^1].PeakWorkingSetBytes / MegaByte:F0} MB   (load {MachineInfo.LoadAverage()})");
            }

            var floors = PhaseProcess.Run("floor", corpus, Path.Combine(work, "floor.db"), options.Runs);
            Console.WriteLine($"floor:    {Format(floors.Select(f => f.Seconds))} s   (load {MachineInfo.LoadAverage()})");

            var ingest = Median.Of(ingests.Select(r => r.Seconds));
            var floor = Median.Of(floors.Select(r => r.Seconds));
            var peak = Median.Of(ingests.Select(r => (double)r.PeakWorkingSetBytes)) / MegaByte;
            var rescan = Median.Of(rescans.Select(r => r.Seconds));
            Console.WriteLine();
            Console.WriteLine($"| measurement ({files.Length:N0} digests, median of {options.Runs}) | result | target |");
            Console.WriteLine("|---|---|---|");
            Console.WriteLine($"| parser throughput | {parseMegaBytesPerSecond:F1} MB/s | |");
            Console.WriteLine($"| ingest into an empty database | {ingest:F2} s | ≤ 30 s {Verdict(ingest <= 30)} |");
            Console.WriteLine($"| ingest peak working set | {peak:F0} MB | < 400 MB {Verdict(peak < 400)} |");
            Console.WriteLine($"| unchanged rescan | {rescan:F3} s | < 2 s {Verdict(rescan < 2)} |");
            Console.WriteLine($"| floor: bare bulk insert, one transaction | {floor:F2} s | |");
            Console.WriteLine($"| ingest / floor | {ingest / floor:F2}× | |");
            Console.WriteLine($"load after: {MachineInfo.LoadAverage()}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The first <c>--count</c> generated digests of at least <c>--min-bytes</c>.</summary>
    private static void WriteCorpus(string corpus, IngestBenchmarkOptions options)
    {
        Directory.CreateDirectory(corpus);
        var written = 0;
        foreach (var digest in new DigestGenerator(options.Seed).Generate(int.MaxValue))
        {
            if (digest.Content.Length < options.MinBytes)
            {
                continue;
            }

            File.WriteAllBytes(Path.Combine(corpus, digest.FileName), digest.Content);
            if (++written == options.Count)
            {
                return;
            }
        }
    }

    /// <summary>Parses every file's bytes, once untimed to warm up, then <paramref name="runs"/> timed passes.</summary>
    private static List<double> ParseAll((string Path, byte[] Bytes)[] files, int runs)
    {
        var parser = new DigestParser(new DigestParserOptions());
        var seconds = new List<double>();
        for (var run = -1; run < Math.Max(runs, 3); run++)
        {
            var stopwatch = Stopwatch.StartNew();
            foreach (var (path, bytes) in files)
            {
                parser.Parse(path, bytes);
            }

            if (run >= 0)
            {
                seconds.Add(stopwatch.Elapsed.TotalSeconds);
            }
        }

        return seconds;
    }

    private static string Format(IEnumerable<double> seconds) =>
        string.Join(", ", seconds.Select(s => s.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)));

    private static string Verdict(bool met) => met ? "met" : "NOT met";
}
