using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Core;
using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Storage.Sqlite;

namespace NewsDigest.Benchmarks;

/// <summary>The measured phases as they run inside a child process: the real services, exactly
/// as the web host builds them, over the generated folder.</summary>
internal static class IngestPhases
{
    /// <summary>A full scan of the folder into a new, empty database.</summary>
    public static void Ingest(string corpus, string databasePath)
    {
        DeleteDatabase(databasePath);
        using var services = BuildServices(corpus, databasePath);
        services.GetRequiredService<SqliteDatabase>().Migrate();
        var files = Directory.GetFiles(corpus).Length;
        // Built before the clock starts, as in the web host, where it exists before any scan.
        var ingester = services.GetRequiredService<Ingester>();

        var stopwatch = Stopwatch.StartNew();
        var report = ingester.ScanAsync().GetAwaiter().GetResult();
        stopwatch.Stop();

        Console.WriteLine($"added {report.Run.Added}, rejected {report.Run.Rejected}, warnings {report.Problems.Count(p => p.Kind == FileProblemKind.Warning)}");
        Check(report.Run.Added == files, $"expected {files} added, got {report.Run.Added}");
        Console.WriteLine(new PhaseResult(stopwatch.Elapsed.TotalSeconds, PeakWorkingSet()).ToLine());
    }

    /// <summary>A full scan of the same, unchanged folder over the database an ingest left.</summary>
    public static void Rescan(string corpus, string databasePath)
    {
        using var services = BuildServices(corpus, databasePath);
        services.GetRequiredService<SqliteDatabase>().Migrate();
        var files = Directory.GetFiles(corpus).Length;
        // Built before the clock starts, as in the web host, where it exists before any scan.
        var ingester = services.GetRequiredService<Ingester>();

        var stopwatch = Stopwatch.StartNew();
        var report = ingester.ScanAsync().GetAwaiter().GetResult();
        stopwatch.Stop();

        Check(report.Run.Unchanged == files, $"expected {files} unchanged, got {report.Run.Unchanged}");
        Console.WriteLine(new PhaseResult(stopwatch.Elapsed.TotalSeconds, PeakWorkingSet()).ToLine());
    }

    public static void DeleteDatabase(string databasePath)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }

    /// <summary>The high-water mark of this process's resident memory (VmHWM on Linux).</summary>
    public static long PeakWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64;
    }

    private static ServiceProvider BuildServices(string corpus, string databasePath)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["NewsDigest:SeedsPath"] = corpus,
                ["NewsDigest:DatabasePath"] = databasePath,
            })
            .Build();
        return new ServiceCollection().AddLogging().AddNewsDigest(configuration).BuildServiceProvider();
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
