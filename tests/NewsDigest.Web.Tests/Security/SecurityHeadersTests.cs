using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Security;

public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/articles/77fc480992936622")]
    [InlineData("/api/articles")]
    [InlineData("/no/such/page")]
    public async Task Every_response_carries_the_protective_headers(string url)
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var response = await client.GetAsync(url);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("base-uri 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Resource-Policy"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("GET", "/?page=abc")]
    [InlineData("GET", "/api/articles?page=0")]
    [InlineData("POST", "/api/articles")]
    [InlineData("DELETE", "/feed.atom")]
    [InlineData("GET", "/articles/%ZZ")]
    public async Task Errors_the_framework_answers_inside_the_app_carry_the_headers(string method, string url)
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartOnKestrelAsync();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    /// <summary>
    /// Kestrel answers a malformed request line, an over-long target and over-large headers itself,
    /// before any middleware runs, so these carry no application headers (docs/security.md says so).
    /// What they must be: short, bodiless and closing the connection, so there is nothing to render.
    /// </summary>
    [Theory]
    [InlineData("GET / HTTP/1.1 extra\r\nHost: localhost\r\n\r\n", 400)]
    [InlineData("GET /{long} HTTP/1.1\r\nHost: localhost\r\n\r\n", 414)]
    [InlineData("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: {big}\r\n\r\n", 431)]
    public async Task Requests_kestrel_refuses_get_an_empty_answer_that_closes_the_connection(string request, int status)
    {
        using var app = new TestApp();
        var client = await app.StartOnKestrelAsync();
        var raw = System.Text.RegularExpressions.Regex.Unescape(request)
            .Replace("{long}", new string('a', 9 * 1024), StringComparison.Ordinal)
            .Replace("{big}", new string('b', 40 * 1024), StringComparison.Ordinal);

        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(client.BaseAddress!.Host, client.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(raw));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var answer = await new StreamReader(stream).ReadToEndAsync(timeout.Token);

        Assert.StartsWith($"HTTP/1.1 {status} ", answer, StringComparison.Ordinal);
        Assert.Contains("Content-Length: 0", answer, StringComparison.Ordinal);
        Assert.Contains("Connection: close", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Server:", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_need_no_inline_script_or_style()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        foreach (var url in new[] { "/", "/articles/77fc480992936622/guo-chan-da-mo-xing-zhu-shen-zhi-zhan-chu-lu-he-fang", "/tags", "/ingestion", "/nope" })
        {
            var page = await TestApp.ParseHtml(await client.GetAsync(url));
            Assert.Empty(page.QuerySelectorAll("style, [style]"));
            Assert.All(page.QuerySelectorAll("script"), s => Assert.True(
                s.HasAttribute("src") || s.GetAttribute("type") == "application/ld+json", $"inline script on {url}"));
        }
    }

    [Fact]
    public async Task The_api_reference_page_has_its_own_policy()
    {
        using var app = new TestApp();
        var client = await app.StartAsync();

        var response = await client.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task Searches_and_api_calls_are_rate_limited_per_client_with_429_and_retry_after()
    {
        using var app = new TestApp(new() { ["NewsDigest:RateLimit:PermitsPerWindow"] = "5", ["NewsDigest:RateLimit:WindowSeconds"] = "60" });
        var client = await app.StartAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await client.GetAsync($"/api/articles?q=%E6%A8%A1%E5%9E%8B{i}")).StatusCode);
        }

        var limited = await client.GetAsync("/?q=%E6%A8%A1%E5%9E%8B");
        var plainPage = await client.GetAsync("/tags");

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(HttpStatusCode.OK, plainPage.StatusCode);
    }

    [Fact]
    public async Task Retry_after_is_the_time_left_in_the_window()
    {
        // 45 s into a 60 s window (windows follow the clock): 15 s are left.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 45, TimeSpan.Zero));
        using var app = new TestApp(new() { ["NewsDigest:RateLimit:PermitsPerWindow"] = "2", ["NewsDigest:RateLimit:WindowSeconds"] = "60" })
            .WithServices(services => services.AddSingleton<TimeProvider>(clock));
        var client = await app.StartAsync();

        await client.GetAsync("/api/articles");
        await client.GetAsync("/api/articles");
        var first = await client.GetAsync("/api/articles");
        clock.Advance(TimeSpan.FromSeconds(10.5));
        var later = await client.GetAsync("/api/articles");
        clock.Advance(TimeSpan.FromSeconds(5));
        var nextWindow = await client.GetAsync("/api/articles");

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal("15", first.Headers.GetValues("Retry-After").Single());
        Assert.Equal("5", later.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, nextWindow.StatusCode);
    }

    [Fact]
    public async Task Readiness_reports_each_check_and_liveness_only_the_process()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var ready = await client.GetAsync("/readyz");
        var live = await client.GetAsync("/healthz");
        var readyJson = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        var liveJson = System.Text.Json.JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", readyJson.GetProperty("status").GetString());
        Assert.Equal(
            ["database:Healthy", "ingestion:Healthy"],
            readyJson.GetProperty("checks").EnumerateArray().Select(c => $"{c.GetProperty("name").GetString()}:{c.GetProperty("status").GetString()}").Order());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", liveJson.GetProperty("status").GetString());
        Assert.Empty(liveJson.GetProperty("checks").EnumerateArray());
        Assert.Equal("no-store", Header(ready, "Cache-Control"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : "";
}
