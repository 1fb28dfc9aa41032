using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsDigest.Web.Tests.Infrastructure;

/// <summary>
/// The real portal as a child process on a free loopback port, started the way the Docker image
/// starts it (the port from ASPNETCORE_HTTP_PORTS), and ready once /readyz answers 200. Its
/// standard output is kept line by line.
/// </summary>
public sealed class RunningPortal : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly Task _reading;

    private RunningPortal(Process process, int port)
    {
        _process = process;
        Port = port;
        _reading = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (_output)
                {
                    _output.Add(line);
                }
            }
        });
        _ = process.StandardError.ReadToEndAsync();
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public bool HasExited => _process.HasExited;

    /// <summary>What the portal wrote to standard output so far (or in all, once stopped).</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>The environment a portal on this machine's port gets, for other processes that must find it.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["ASPNETCORE_HTTP_PORTS"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public static async Task<RunningPortal> StartAsync(string root, params string[] settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(PortalProcess.Executable);
        foreach (var setting in settings.Concat([
            $"--NewsDigest:SeedsPath={Path.Combine(root, "seeds")}",
            $"--NewsDigest:DatabasePath={Path.Combine(root, "data", "portal.db")}",
            "--NewsDigest:WatchFolder=false",
        ]))
        {
            start.ArgumentList.Add(setting);
        }

        start.Environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        Directory.CreateDirectory(Path.Combine(root, "seeds"));
        var portal = new RunningPortal(Process.Start(start)!, port);
        await portal.WaitUntilReady();
        return portal;
    }

    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        await _reading;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private async Task WaitUntilReady()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Patience && !_process.HasExited)
        {
            try
            {
                if ((await client.GetAsync(new Uri(Address, "/readyz"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        await StopAsync();
        throw new InvalidOperationException($"the portal was not ready within {Patience.TotalSeconds} s:\n{string.Join('\n', Output)}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
