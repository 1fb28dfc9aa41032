using System.Text.Json;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Security;

/// <summary>NewsDigest:Logging:Format=json: every line a JSON object an operator's shipper can
/// read, requests with their trace id and path; probes and static files below Information.</summary>
public sealed class LogFormatTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("newsdigest-logs-").FullName;

    [Fact]
    public async Task Json_logs_are_one_object_a_line_with_trace_id_and_request_path()
    {
        File.Copy(TestApp.TestData("Seeds", "000_77fc480992936622.txt"), Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "seeds")).FullName, "000_77fc480992936622.txt"));
        await using var portal = await RunningPortal.StartAsync(_root, "--NewsDigest:Logging:Format=json");
        using var client = new HttpClient { BaseAddress = portal.Address };

        await client.GetAsync("/tags");
        await client.GetAsync("/css/site.css");
        await client.GetAsync("/healthz");
        await portal.StopAsync();

        var events = portal.Output.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var requests = events.Where(e => e.TryGetProperty("RequestPath", out _) && e.TryGetProperty("StatusCode", out _)).ToList();
        var tags = Assert.Single(requests, e => e.GetProperty("RequestPath").GetString() == "/tags");
        Assert.Matches("^[0-9a-f]{32}$", tags.GetProperty("@tr").GetString());
        Assert.Contains("/tags", tags.GetProperty("@m").GetString());
        Assert.DoesNotContain(requests, e => e.GetProperty("RequestPath").GetString() is "/css/site.css" or "/healthz" or "/readyz");
        Assert.Contains(events, e => e.GetProperty("@m").GetString()!.Contains("Ingestion run", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
