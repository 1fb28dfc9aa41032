using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsDigest.Core;
using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Storage.Sqlite;
using NewsDigest.Samples;

namespace NewsDigest.Benchmarks;

/// <summary>
/// A generated corpus ingested by the real <see cref="Ingester"/> into the database the services
/// point at, under one folder (digests in seeds/). Built once and reused while its "complete"
/// marker is there: at 100,000 digests building takes minutes. A database built by an older
/// schema is upgraded as the portal would.
/// </summary>
internal static class BenchmarkCorpus
{
    public static void EnsureBuilt(ServiceProvider services, string folder, int size, int seed, double malformedShare = 0)
    {
        var marker = Path.Combine(folder, "complete");
        var database = services.GetRequiredService<SqliteDatabase>();
        if (File.Exists(marker))
        {
            database.Migrate();
            Console.WriteLine($"{size:N0}: reusing {folder} ({File.ReadAllText(marker).Trim()})");
            return;
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var generate = Stopwatch.StartNew();
        var seeds = Path.Combine(folder, "seeds");
        new DigestGenerator(seed).WriteTo(seeds, size, malformedShare);
        var rawBytes = Directory.EnumerateFiles(seeds).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"{size:N0}: generated {rawBytes / 1e6:F0} MB of digests (seed {seed}, {malformedShare:P0} malformed) in {generate.Elapsed.TotalSeconds:F0} s");

        database.Migrate();
        var ingest = Stopwatch.StartNew();
        var run = services.GetRequiredService<Ingester>().ScanAsync().GetAwaiter().GetResult().Run;
        var line = $"seed {seed}, {malformedShare:P0} malformed: {run.Added:N0} digests ingested, {run.Rejected:N0} rejected, in {ingest.Elapsed.TotalSeconds:F0} s, load {MachineInfo.LoadAverage()}";
        Console.WriteLine($"{size:N0}: {line}");
        File.WriteAllText(marker, line + "\n");
    }

    /// <summary>The core services over the corpus in <paramref name="folder"/> and its database file.</summary>
    public static ServiceProvider Services(string folder, string databaseFile)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NewsDigest:SeedsPath"] = Path.Combine(folder, "seeds"),
            ["NewsDigest:DatabasePath"] = Path.Combine(folder, databaseFile),
        }).Build();
        return new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddNewsDigest(configuration)
            .BuildServiceProvider();
    }

    /// <summary>The value after a --name option, or the fallback.</summary>
    public static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
