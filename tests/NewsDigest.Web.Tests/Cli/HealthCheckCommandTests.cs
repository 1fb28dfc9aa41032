using System.Diagnostics;
using System.Text.Json;
using NewsDigest.Tests.Shared;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Cli;

/// <summary>The container's HEALTHCHECK, exactly as the Dockerfile runs it, against a real portal:
/// 0 while it answers, non-zero once it is gone, in well under the Dockerfile's timeout, and never
/// a second portal.</summary>
public sealed class HealthCheckCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("newsdigest-healthcheck-").FullName;

    [Fact]
    public async Task The_dockerfile_healthcheck_answers_for_a_running_portal_and_fails_for_a_stopped_one()
    {
        var command = DockerfileHealthCheck();
        await using var portal = await RunningPortal.StartAsync(_root);

        var healthy = await Run(command, portal.Environment);
        await portal.StopAsync();
        var stopped = await Run(command, portal.Environment);

        Assert.Equal(["dotnet", "NewsDigest.Web.dll", "healthcheck"], command);
        Assert.True(healthy.ExitCode == 0, healthy.StandardError);
        Assert.Contains($"localhost:{portal.Port}/healthz", healthy.StandardOutput);
        Assert.NotEqual(0, stopped.ExitCode);
        Assert.StartsWith("unhealthy:", stopped.StandardError);
        Assert.DoesNotContain("Now listening", healthy.StandardOutput + stopped.StandardOutput);
    }

    [Fact]
    public async Task An_unknown_command_exits_2_without_starting_the_portal()
    {
        var outcome = await PortalProcess.RunAsync(_root, unprivileged: false, "ingets");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("ingets", outcome.StandardError);
        Assert.Contains("Usage:", outcome.StandardError);
        Assert.Empty(outcome.StandardOutput);
        Assert.False(Directory.Exists(Path.Combine(_root, "data")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>The HEALTHCHECK's exec-form CMD, read from the Dockerfile itself.</summary>
    private static string[] DockerfileHealthCheck()
    {
        var line = File.ReadLines(Path.Combine(Tools.RepositoryRoot, "Dockerfile")).Single(l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal));
        return JsonSerializer.Deserialize<string[]>(line[(line.IndexOf("CMD", StringComparison.Ordinal) + 3)..])!;
    }

    /// <summary>Runs the command in the app's folder (the image's WORKDIR) with the image's environment.</summary>
    private static async Task<ProcessOutcome> Run(string[] command, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(command[0]) { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command[1..])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment.Remove("ASPNETCORE_URLS");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessOutcome(process.ExitCode, await output, await error);
    }
}
