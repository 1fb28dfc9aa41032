using System.Diagnostics;

namespace NewsDigest.Web.Tests.Infrastructure;

/// <summary>
/// Runs the built <c>ingest</c> command in its own process as a user that file modes bind: the
/// current user, or <c>nobody</c> (through setpriv) when the tests run as root.
/// </summary>
public static class UnprivilegedIngest
{
    public static bool RunningAsRoot => Environment.IsPrivilegedProcess;

    public static string? Setpriv { get; } = new[] { "/usr/bin/setpriv", "/bin/setpriv" }.FirstOrDefault(File.Exists);

    /// <summary>Ingests <paramref name="seeds"/> into <paramref name="database"/>; everything the
    /// process writes stays under <paramref name="workingFolder"/>, which is given to nobody first
    /// when running as root (modes are left as the test set them).</summary>
    public static async Task<(int ExitCode, string Output)> Run(string seeds, string database, string workingFolder)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "NewsDigest.Web.dll");
        string[] command = ["dotnet", web, "ingest", seeds, "--db", database];
        if (RunningAsRoot)
        {
            var chown = await Execute(["chown", "-R", "nobody:nogroup", workingFolder], workingFolder);
            if (chown.ExitCode != 0)
            {
                throw new InvalidOperationException("chown failed: " + chown.Output);
            }

            command = [Setpriv ?? "setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                "env", "HOME=" + workingFolder, "DOTNET_CLI_HOME=" + workingFolder, .. command];
        }

        return await Execute(command, workingFolder);
    }

    private static async Task<(int ExitCode, string Output)> Execute(string[] command, string workingFolder)
    {
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in command[1..])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
