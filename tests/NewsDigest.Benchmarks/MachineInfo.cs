using System.Runtime.InteropServices;

namespace NewsDigest.Benchmarks;

/// <summary>What a result needs next to it to be read later: the machine, the runtime, how busy
/// the (shared) machine was, when, and the exact command.</summary>
internal static class MachineInfo
{
    public static void Print(string benchmark, string[] args)
    {
        Console.WriteLine($"date:     {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"command:  dotnet run -c Release --project tests/NewsDigest.Benchmarks -- {benchmark} {string.Join(' ', args)}".TrimEnd());
        Console.WriteLine($"machine:  {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, kernel {ReadProcFile("sys/kernel/osrelease")}");
        Console.WriteLine($"cpu:      {CpuModel()}");
        Console.WriteLine($"runtime:  {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}");
        Console.WriteLine($"load:     {LoadAverage()}");
    }

    /// <summary>The 1, 5 and 15 minute load averages: on 2 cores anything near 2 means another
    /// job was competing for the CPU.</summary>
    public static string LoadAverage() => string.Join(' ', ReadProcFile("loadavg").Split(' ').Take(3));

    private static string CpuModel() =>
        ReadProcFile("cpuinfo").Split('\n')
            .Where(line => line.StartsWith("model name", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault() ?? "unknown";

    private static string ReadProcFile(string name)
    {
        try
        {
            return File.ReadAllText("/proc/" + name).Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
