using System.Collections.Concurrent;
using System.Net;
using NewsDigest.Samples;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Security;

/// <summary>
/// While a generated folder is ingested (and files are edited and deleted), concurrent readers
/// hammer the list, search, article and API endpoints: no 5xx, no busy-database error, every
/// page consistent (a list's total never below the items it shows).
/// </summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Readers_see_no_errors_while_ingestion_writes()
    {
        using var app = new TestApp(new() { ["NewsDigest:RateLimit:Enabled"] = "false" }).WithRealSeed();
        var client = await app.StartAsync();
        var generated = new DigestGenerator(5).WriteTo(Path.Combine(app.SeedsPath, "batch"), 1500);
        var failures = new ConcurrentBag<string>();
        var requests = 0;
        using var stop = new CancellationTokenSource();

        var ingest = Task.Run(async () =>
        {
            await app.RescanAsync();
            var files = Directory.GetFiles(Path.Combine(app.SeedsPath, "batch")).Order().ToArray();
            for (var i = 0; i < 50; i++)
            {
                File.AppendAllText(files[i], "\n追加的一行。");
                File.SetLastWriteTimeUtc(files[i], DateTime.UtcNow.AddMinutes(1));
                File.Delete(files[^(i + 1)]);
            }

            await app.RescanAsync();
            stop.Cancel();
        });

        // Lists and API calls get a varying page size, so many requests miss the output cache and reach SQLite.
        string[] lists = ["/?q=%E6%A8%A1%E5%9E%8B", "/?industry=%E5%8C%BB%E7%96%97&tech=%E5%A4%A7%E6%A8%A1%E5%9E%8B", "/api/articles?q=GPT", "/api/articles?industry=%E5%8C%BB%E7%96%97"];
        string[] pages = ["/", "/articles/77fc480992936622", "/tags", "/api/ingestion"];
        var readers = Enumerable.Range(0, 4).Select(r => Task.Run(async () =>
        {
            var n = r;
            while (!stop.IsCancellationRequested)
            {
                n++;
                var url = n % 2 == 0 ? $"{lists[n / 2 % lists.Length]}&pageSize={n % 9 + 1}" : pages[n / 2 % pages.Length];
                var response = await client.GetAsync(url);
                Interlocked.Increment(ref requests);
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500 || body.Contains("database is locked", StringComparison.OrdinalIgnoreCase) || body.Contains("SQLITE_BUSY", StringComparison.Ordinal))
                {
                    failures.Add($"{url}: {(int)response.StatusCode}");
                }
                else if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.MovedPermanently or HttpStatusCode.Redirect))
                {
                    failures.Add($"{url}: unexpected {(int)response.StatusCode}");
                }
            }
        })).ToArray();

        await ingest;
        await Task.WhenAll(readers);

        Assert.Empty(failures);
        Assert.True(requests > 50, $"only {requests} requests ran");
        var final = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/articles?pageSize=1")).RootElement;
        Assert.Equal(generated - 50 + 1, final.GetProperty("total").GetInt32());
    }
}
