using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Api;

/// <summary>Every error under /api is application/problem+json (RFC 9457) with status, title,
/// detail and traceId; HTML pages keep their friendly error pages.</summary>
public sealed class ApiProblemTests
{
    [Theory]
    [InlineData("GET", "/api/articles?page=abc", 400)]
    [InlineData("GET", "/api/tags?kind=colour", 400)]
    [InlineData("GET", "/api/articles/0123456789abcdef", 404)]
    [InlineData("GET", "/api/no/such/route", 404)]
    [InlineData("GET", "/api", 404)]
    [InlineData("POST", "/api/articles", 405)]
    [InlineData("DELETE", "/api/articles/77fc480992936622", 405)]
    [InlineData("PUT", "/api/ingestion", 405)]
    public async Task Api_errors_are_problem_details(string method, string url, int status)
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.Add("Accept", "text/html");
        var response = await client.SendAsync(request);

        await AssertProblem(response, status);
        if (status == 405)
        {
            Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
        }
    }

    [Fact]
    public async Task A_rate_limited_api_call_is_a_problem_with_retry_after()
    {
        using var app = new TestApp(new() { ["NewsDigest:RateLimit:PermitsPerWindow"] = "1" });
        var client = await app.StartAsync();

        await client.GetAsync("/api/articles");
        var response = await client.GetAsync("/api/articles");

        await AssertProblem(response, 429);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_server_error_in_the_api_is_a_problem_without_internals()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();
        using (var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE articles RENAME TO articles_gone";
            command.ExecuteNonQuery();
        }

        var response = await client.GetAsync("/api/articles/77fc480992936622");

        var problem = await AssertProblem(response, 500);
        Assert.DoesNotContain("articles", problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Sqlite", problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("POST", "/feed.atom", 405)]
    [InlineData("GET", "/no/such/page", 404)]
    public async Task Pages_keep_their_friendly_error_pages(string method, string url, int status)
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        var page = await TestApp.ParseHtml(response);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(page.QuerySelector("main a[href='/']"));
    }

    private static async Task<JsonElement> AssertProblem(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("traceId").GetString()));
        return problem;
    }
}
