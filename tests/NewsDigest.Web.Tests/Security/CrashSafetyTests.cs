using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using NewsDigest.Samples;

namespace NewsDigest.Web.Tests.Security;

/// <summary>
/// Killing the process in the middle of a large ingest leaves a consistent database, and the
/// next run finishes the job with nothing missing or doubled (each file is one transaction).
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "newsdigest-crash-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task A_killed_ingest_is_finished_by_the_next_run_with_nothing_missing_or_doubled()
    {
        var seeds = Path.Combine(_root, "seeds");
        var database = Path.Combine(_root, "crash.db");
        var written = new DigestGenerator(11).WriteTo(seeds, 1500);

        using (var first = Ingest(seeds, database))
        {
            // Wait until it is well into the folder, then kill it without warning.
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (Count(database, "SELECT COUNT(*) FROM articles") < 200 && DateTime.UtcNow < deadline && !first.HasExited)
            {
                await Task.Delay(50);
            }

            Assert.False(first.HasExited, "the first ingest finished before it could be killed; use a larger folder");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var partial = Count(database, "SELECT COUNT(*) FROM articles");
        Assert.InRange(partial, 1, written - 1);
        AssertConsistent(database);

        using var second = Ingest(seeds, database);
        await second.WaitForExitAsync();

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(written, Count(database, "SELECT COUNT(*) FROM articles"));
        AssertConsistent(database);
    }

    private static void AssertConsistent(string database)
    {
        // Every article once, with its tags, its search entry and its source-file record.
        Assert.Equal(Count(database, "SELECT COUNT(*) FROM articles"), Count(database, "SELECT COUNT(DISTINCT source_file) FROM articles"));
        Assert.Equal(0, Count(database, "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_tags t WHERE t.article_seq = a.seq)"));
        Assert.Equal(0, Count(database, "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM source_files f WHERE f.article_id = a.id)"));
        Assert.Equal(Count(database, "SELECT COUNT(*) FROM articles"), Count(database, "SELECT COUNT(*) FROM article_search"));
        Assert.Equal("ok", Scalar(database, "PRAGMA integrity_check"));
    }

    private static Process Ingest(string seeds, string database)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "NewsDigest.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { web, "ingest", seeds, "--db", database })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int Count(string database, string sql) => File.Exists(database) ? Convert.ToInt32(Scalar(database, sql)) : 0;

    private static object? Scalar(string database, string sql)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
            connection.Open();
            return connection.ExecuteScalar(sql);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1 && e.Message.Contains("no such table", StringComparison.Ordinal))
        {
            return 0;
        }
    }
}
