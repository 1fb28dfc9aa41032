using System.Diagnostics;

namespace NewsDigest.Web.Tests.Security;

/// <summary>NewsDigest:PublicBaseUrl at start-up, through the real executable: a bad value stops it
/// with one line naming the key; leaving it out is allowed, with one warning in the log.</summary>
public sealed class PublicBaseUrlStartupTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "newsdigest-web-tests", Guid.NewGuid().ToString("N"));

    public PublicBaseUrlStartupTests() => Directory.CreateDirectory(Path.Combine(_root, "seeds"));

    private string DatabasePath => Path.Combine(_root, "data", "web.db");

    [Theory]
    [InlineData("news.example.com")]
    [InlineData("/news")]
    [InlineData("ftp://news.example.com")]
    [InlineData("https://")]
    [InlineData("https://news.example.com/?lang=en")]
    [InlineData("https://news.example.com/#top")]
    [InlineData("https://editor:secret@news.example.com")]
    public async Task A_malformed_public_base_url_stops_the_start_with_one_line_naming_the_key(string value)
    {
        using var portal = Start(("NewsDigest:PublicBaseUrl", value));
        var output = ReadLines(portal.StandardOutput);
        var errors = ReadLines(portal.StandardError);

        var exited = await Exit(portal);

        Assert.True(exited, "the portal started anyway");
        Assert.NotEqual(0, portal.ExitCode);
        var error = Assert.Single(await errors);
        Assert.Contains("NewsDigest:PublicBaseUrl", error);
        Assert.DoesNotContain("secret", error);
        Assert.Empty(await output);
        Assert.False(File.Exists(DatabasePath), "the database was created before the settings were checked");
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("https://news.example.com/", 0)]
    [InlineData("http://example.org:8080/news", 0)]
    public async Task Only_a_portal_without_a_public_base_url_warns_that_urls_follow_the_request_host(string? value, int warnings)
    {
        using var portal = Start(value is null ? [] : [("NewsDigest:PublicBaseUrl", value)]);
        var log = new List<string>();
        try
        {
            using var timeout = new CancellationTokenSource(Patience);
            while (await portal.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                log.Add(line);
                if (line.Contains("Application started", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        finally
        {
            portal.Kill(entireProcessTree: true);
            await portal.WaitForExitAsync();
        }

        Assert.Contains(log, l => l.Contains("Application started", StringComparison.Ordinal));
        var warned = log.Where(l => l.Contains("NewsDigest:PublicBaseUrl", StringComparison.Ordinal)).ToList();
        Assert.Equal(warnings, warned.Count);
        Assert.All(warned, l => Assert.Contains("WRN", l));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Process Start(params (string Key, string Value)[] settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NewsDigest.Web.dll"));
        // Port 0: the operating system picks a free port, so parallel tests never collide.
        foreach (var (key, value) in settings.Prepend(("urls", "http://127.0.0.1:0"))
            .Append(("NewsDigest:SeedsPath", Path.Combine(_root, "seeds")))
            .Append(("NewsDigest:DatabasePath", DatabasePath))
            .Append(("NewsDigest:WatchFolder", "false")))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return Process.Start(start)!;
    }

    private static async Task<List<string>> ReadLines(StreamReader reader)
    {
        var lines = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>Waits for the process to end by itself; one still running after half a minute has
    /// started the portal, and is stopped.</summary>
    private static async Task<bool> Exit(Process process)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return false;
        }
    }
}
