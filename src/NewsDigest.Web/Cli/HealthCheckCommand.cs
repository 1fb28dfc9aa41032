using System.CommandLine;
using System.Globalization;

namespace NewsDigest.Web.Cli;

/// <summary>
/// `healthcheck [--url URL] [--timeout SECONDS]`: asks a running portal's /healthz and exits 0 if it
/// answers 200, 1 otherwise. It starts nothing itself, so a container's HEALTHCHECK costs one small
/// process and one request. Without --url it finds the portal where the host would listen: urls or
/// http_ports from ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS or appsettings.json, else localhost:5000.
/// </summary>
public static class HealthCheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var url = new Option<Uri>("--url")
        {
            Description = "The portal's address, e.g. http://localhost:8080 (default: where the host listens)",
            CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : CommandLine.Invalid<Uri>(result, "--url must be an absolute http or https address."),
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for the answer",
            DefaultValueFactory = _ => 1,
            CustomParser = result => double.TryParse(result.Tokens.Single().Value, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 60
                ? seconds
                : CommandLine.Invalid<double>(result, "--timeout must be more than 0 and at most 60 seconds."),
        };
        var command = new Command("healthcheck", "Ask a running portal whether it is alive (/healthz); exit 0 if so, 1 if not") { url, timeout };
        command.SetAction(result => Run(result.GetValue(url) ?? ListeningAddress(), TimeSpan.FromSeconds(result.GetValue(timeout)), output, error));
        return command;
    }

    public static int Run(Uri portal, TimeSpan timeout, TextWriter output, TextWriter error)
    {
        var probe = new Uri(portal, "/healthz");
        using var client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = timeout, UseProxy = false }) { Timeout = timeout };
        try
        {
            using var response = client.GetAsync(probe).GetAwaiter().GetResult();
            if (response.IsSuccessStatusCode)
            {
                output.WriteLine($"healthy: {probe} answered {(int)response.StatusCode}");
                return 0;
            }

            error.WriteLine($"unhealthy: {probe} answered {(int)response.StatusCode}");
            return 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            error.WriteLine($"unhealthy: {probe}: {(e is TaskCanceledException ? $"no answer within {timeout.TotalSeconds:0.#} s" : e.Message)}");
            return 1;
        }
    }

    /// <summary>Where the host listens, read from the same places it reads them.</summary>
    public static Uri ListeningAddress()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddEnvironmentVariables("ASPNETCORE_")
            .Build();
        if (configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() is { } url)
        {
            // A wildcard binding (http://+:8080, http://*:8080, http://0.0.0.0:8080) is reached on localhost.
            var local = url.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
            return new Uri(local);
        }

        if (configuration["http_ports"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() is { } port)
        {
            return new Uri($"http://localhost:{port}");
        }

        return new Uri("http://localhost:5000");
    }
}
