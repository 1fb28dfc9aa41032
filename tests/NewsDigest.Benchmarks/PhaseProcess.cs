using System.Diagnostics;

namespace NewsDigest.Benchmarks;

/// <summary>Runs one benchmark phase in a fresh child process of this same program, so each
/// phase's peak working set is its own: not the parent's corpus in memory, not an earlier phase's
/// high-water mark (a process's peak never goes down).</summary>
internal static class PhaseProcess
{
    public static IReadOnlyList<PhaseResult> Run(string phase, string corpus, string databasePath, int runs)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            // Started as `dotnet NewsDigest.Benchmarks.dll`: the host needs the assembly again.
            start.ArgumentList.Add(typeof(PhaseProcess).Assembly.Location);
        }

        foreach (var argument in new[] { "ingest", "--phase", phase, "--corpus", corpus, "--db", databasePath, "--runs", runs.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var results = new List<PhaseResult>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (PhaseResult.FromLine(line) is { } result)
            {
                results.Add(result);
            }
            else
            {
                Console.WriteLine($"  [{phase}] {line}");
            }
        }

        process.WaitForExit();
        if (process.ExitCode != 0 || results.Count == 0)
        {
            throw new InvalidOperationException($"The {phase} phase failed (exit code {process.ExitCode}).");
        }

        return results;
    }
}
