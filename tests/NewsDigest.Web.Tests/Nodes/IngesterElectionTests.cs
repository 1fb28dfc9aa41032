using System.Diagnostics;
using System.Net;
using System.Text.Json;
using NewsDigest.Tests.Shared;
using NewsDigest.Web.Tests.Infrastructure;
using Npgsql;

namespace NewsDigest.Web.Tests.Nodes;

/// <summary>Several portal nodes on one database and one seeds folder, through the real pipeline:
/// each names itself, exactly one ingests, the others are ready at once and take over when the
/// ingester stops.</summary>
public sealed class IngesterElectionTests
{
    [Fact]
    public async Task The_ingestion_report_names_the_node_and_says_that_it_ingests()
    {
        using var app = new TestApp(new() { ["NewsDigest:NodeName"] = "web-1" }).WithRealSeed();
        var client = await app.StartAsync();

        var node = await Node(client);
        Assert.Equal("web-1", node.GetProperty("name").GetString());
        Assert.True(node.GetProperty("isIngester").GetBoolean());

        var page = await TestApp.ParseHtml(await client.GetAsync("/ingestion"));
        Assert.Equal("web-1", page.QuerySelector(".node-name")?.TextContent);
    }

    [Fact]
    public async Task A_node_is_named_after_its_host_by_default()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        Assert.Equal(Environment.MachineName, (await Node(client)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task On_sqlite_a_second_node_serves_without_ingesting_and_takes_over_when_the_first_stops()
    {
        // The second node owns the folders, so that they outlive the first.
        using var second = new TestApp(new() { ["NewsDigest:NodeName"] = "web-2", ["NewsDigest:IngesterRetrySeconds"] = "1" }).WithRealSeed();
        using var first = new TestApp(new()
        {
            ["NewsDigest:NodeName"] = "web-1",
            ["NewsDigest:DatabasePath"] = second.DatabasePath,
            ["NewsDigest:SeedsPath"] = second.SeedsPath,
        });

        await TakesOverWhenTheIngesterStops(first, second);
    }

    [FactNeeding(Tool.PostgreSql)]
    public async Task On_postgres_a_second_node_serves_without_ingesting_and_takes_over_when_the_first_stops()
    {
        using var database = new PostgresTestDatabase();
        var postgres = new Dictionary<string, string?>
        {
            ["NewsDigest:Database:Provider"] = "postgres",
            ["ConnectionStrings:NewsDigest"] = database.ConnectionString,
            ["NewsDigest:IngesterRetrySeconds"] = "1",
        };
        using (var second = new TestApp(new(postgres) { ["NewsDigest:NodeName"] = "web-2" }).WithRealSeed())
        using (var first = new TestApp(new(postgres) { ["NewsDigest:NodeName"] = "web-1", ["NewsDigest:SeedsPath"] = second.SeedsPath }))
        {
            await TakesOverWhenTheIngesterStops(first, second, async () =>
            {
                // While the first node ingests, what it commits reaches the second node's pages.
                var client = second.CreateClient();
                Assert.DoesNotContain("另一个节点写入的文章", await client.GetStringAsync("/"));
                second.WriteFile("002_00000000000000b2.txt", Digests.Make("另一个节点写入的文章"));
                await first.RescanAsync();
                var watch = Stopwatch.StartNew();
                while (!(await client.GetStringAsync("/")).Contains("另一个节点写入的文章", StringComparison.Ordinal))
                {
                    Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "the second node did not list the first node's commit within 5 s");
                    await Task.Delay(100);
                }
            });
        }

        NpgsqlConnection.ClearAllPools();
    }

    private static async Task TakesOverWhenTheIngesterStops(TestApp first, TestApp second, Func<Task>? whileBothRun = null)
    {
        var firstClient = await first.StartAsync();
        Assert.True((await Node(firstClient)).GetProperty("isIngester").GetBoolean());

        // The follower has no start-up scan of its own: it is ready as soon as the database answers.
        var secondClient = await second.StartAsync();
        var node = await Node(secondClient);
        Assert.Equal("web-2", node.GetProperty("name").GetString());
        Assert.False(node.GetProperty("isIngester").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await secondClient.GetAsync("/readyz")).StatusCode);
        var page = await TestApp.ParseHtml(await secondClient.GetAsync("/ingestion"));
        Assert.Equal("web-2", page.QuerySelector(".node-name")?.TextContent);

        if (whileBothRun is not null)
        {
            await whileBothRun();
        }

        second.WriteFile("001_00000000000000b1.txt", Digests.Make("接班节点读到的新文件"));
        await first.DisposeAsync();

        var watch = Stopwatch.StartNew();
        while (!(await Node(secondClient)).GetProperty("isIngester").GetBoolean())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "the second node did not take over within 10 s");
            await Task.Delay(100);
        }

        while (!(await secondClient.GetStringAsync("/api/articles")).Contains("接班节点读到的新文件", StringComparison.Ordinal))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), "the new ingester did not resume from the database's state");
            await Task.Delay(100);
        }
    }

    private static async Task<JsonElement> Node(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/ingestion"));
        return json.RootElement.GetProperty("node").Clone();
    }
}
