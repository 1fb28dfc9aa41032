using System.Diagnostics;
using NewsDigest.Tests.Shared;

namespace NewsDigest.Web.Tests.Infrastructure;

/// <summary>
/// The real executable (the portal, or a command such as <c>ingest</c>) as a child process, with a
/// timeout, its output captured. File permissions mean nothing to root, so a run that must meet
/// them goes through <c>setpriv</c> as <c>nobody</c> when the tests run as root.
/// </summary>
public static class PortalProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static string Executable => Path.Combine(AppContext.BaseDirectory, "NewsDigest.Web.dll");

    private static string? SetPriv => Tools.OnPath("setpriv");

    public static Task<ProcessOutcome> RunAsync(string workingFolder, bool unprivileged, params string[] arguments) =>
        RunAsync(workingFolder, unprivileged, new Dictionary<string, string>(), arguments);

    public static async Task<ProcessOutcome> RunAsync(string workingFolder, bool unprivileged, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (unprivileged && Environment.IsPrivilegedProcess)
        {
            start.FileName = SetPriv ?? throw new InvalidOperationException("setpriv is needed to drop root's privileges");
            foreach (var argument in new[] { "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--inh-caps=-all", "dotnet" })
            {
                start.ArgumentList.Add(argument);
            }

            // nobody's home does not exist; the dotnet host wants a writable one.
            start.Environment["HOME"] = Path.GetTempPath();
            start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        }
        else
        {
            start.FileName = "dotnet";
        }

        start.ArgumentList.Add(Executable);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"`{string.Join(' ', arguments)}` was still running after {Timeout.TotalSeconds} s; output:\n{await output}\n{await error}");
        }

        return new ProcessOutcome(process.ExitCode, await output, await error);
    }
}
