using System.Net;
using System.Text.Json;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Security;

/// <summary>
/// Host-header injection: `Host: evil.example` must never reach a response (these are
/// Cache-Control: public, so a shared cache would keep the poisoned copy for everyone).
/// </summary>
public sealed class HostHeaderTests
{
    private const string SeedId = "77fc480992936622";
    private const string EvilHost = "evil.example";
    private const string PublicBase = "https://news.example.com";

    /// <summary>Every response that writes an absolute URL; "{article}" stands for the seed's permalink.</summary>
    public static TheoryData<string> AbsoluteUrlResponses =>
    [
        "/robots.txt", "/sitemap.xml", "/feed.atom", "/feed.json", "/export.csv", "/openapi/v1.json",
        "{article}", "/", "/tags", "/insights", "/ingestion",
    ];

    /// <summary>Every redirect: the article's slug (301), the list without an unknown parameter
    /// (302), /insights without sort (302), a tag without page=1 (301).</summary>
    public static TheoryData<string, HttpStatusCode> Redirects => new()
    {
        { $"/articles/{SeedId}", HttpStatusCode.MovedPermanently },
        { "/?utm_source=evil", HttpStatusCode.Redirect },
        { "/insights?sort=newest", HttpStatusCode.Redirect },
        { "/tags/industry/%E6%95%99%E8%82%B2?page=1", HttpStatusCode.MovedPermanently },
    };

    public static TheoryData<string> EveryResponse =>
    [
        .. AbsoluteUrlResponses, .. Redirects.Select(r => (string)r[0]),
    ];

    [Theory]
    [MemberData(nameof(AbsoluteUrlResponses))]
    public async Task With_a_public_base_url_a_forged_host_never_reaches_the_response(string url)
    {
        using var app = new TestApp(new() { ["NewsDigest:PublicBaseUrl"] = PublicBase }).WithRealSeed();
        var client = await app.StartAsync();

        var response = await Get(client, await Resolve(client, url), EvilHost);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(PublicBase + "/", body);
        Assert.DoesNotContain(EvilHost, body);
        Assert.DoesNotContain(EvilHost, response.Headers.ToString() + response.Content.Headers);
    }

    [Fact]
    public async Task With_a_public_base_url_the_article_is_shared_under_it()
    {
        using var app = new TestApp(new() { ["NewsDigest:PublicBaseUrl"] = PublicBase }).WithRealSeed();
        var client = await app.StartAsync();
        var path = await Resolve(client, "{article}");

        var page = await TestApp.ParseHtml(await Get(client, path, EvilHost));

        var canonical = PublicBase + path;
        Assert.Equal(canonical, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal(canonical, page.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
        var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal(canonical, jsonLd.GetProperty("url").GetString());
        Assert.Equal(canonical, jsonLd.GetProperty("mainEntityOfPage").GetString());
        Assert.Equal(canonical, page.QuerySelector("[data-copy]")?.GetAttribute("data-copy"));
    }

    [Theory]
    [MemberData(nameof(Redirects))]
    public async Task Redirects_are_relative_and_under_the_public_path(string url, HttpStatusCode status)
    {
        // A trailing slash is tolerated; the proxy removes /news before passing requests on.
        using var app = new TestApp(new() { ["NewsDigest:PublicBaseUrl"] = "https://example.org/news/" }).WithRealSeed();
        var client = await app.StartAsync();

        var response = await Get(client, url, EvilHost);

        Assert.Equal(status, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.False(location.IsAbsoluteUri, location.OriginalString);
        Assert.StartsWith("/news/", location.OriginalString);
        Assert.DoesNotContain("/news/news", location.OriginalString);
        Assert.DoesNotContain(EvilHost, response.Headers.ToString());
    }

    [Fact]
    public async Task A_public_base_url_with_a_path_prefixes_every_absolute_url()
    {
        using var app = new TestApp(new() { ["NewsDigest:PublicBaseUrl"] = "https://example.org/news/" }).WithRealSeed();
        var client = await app.StartAsync();
        var redirect = await Get(client, $"/articles/{SeedId}", EvilHost);
        var path = redirect.Headers.Location!.OriginalString["/news".Length..];

        var robots = await (await Get(client, "/robots.txt", EvilHost)).Content.ReadAsStringAsync();
        var sitemap = await (await Get(client, "/sitemap.xml", EvilHost)).Content.ReadAsStringAsync();
        var page = await TestApp.ParseHtml(await Get(client, path, EvilHost));

        Assert.Contains("Sitemap: https://example.org/news/sitemap.xml\n", robots);
        Assert.Contains($"<loc>https://example.org/news{path}</loc>", sitemap);
        Assert.Equal($"https://example.org/news{path}", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Theory]
    [MemberData(nameof(EveryResponse))]
    public async Task Without_a_public_base_url_a_host_not_in_AllowedHosts_is_refused(string url)
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var response = await Get(client, await Resolve(client, url), EvilHost);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(EvilHost, await response.Content.ReadAsStringAsync());
        Assert.Null(response.Headers.Location);
        Assert.Contains("frame-ancestors 'none'", string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
    }

    [Theory]
    [InlineData("localhost:5000")]
    [InlineData("127.0.0.1:8080")]
    [InlineData("[::1]:8080")]
    public async Task Without_a_public_base_url_the_local_addresses_are_answered_by_default(string host)
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var response = await Get(client, "/robots.txt", host);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Sitemap: http://{host}/sitemap.xml\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AllowedHosts_lists_the_names_answered_without_a_public_base_url()
    {
        using var app = new TestApp(new() { ["AllowedHosts"] = "news.example.com" }).WithRealSeed();
        var client = await app.StartAsync();

        var listed = await Get(client, "/robots.txt", "news.example.com");
        var local = await Get(client, "/robots.txt", "localhost");

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains("Sitemap: http://news.example.com/sitemap.xml\n", await listed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, local.StatusCode);
    }

    [Fact]
    public async Task Behind_a_proxy_a_forwarded_host_not_in_AllowedHosts_is_ignored()
    {
        using var app = new TestApp(new() { ["NewsDigest:TrustForwardedHeaders"] = "true" }).WithRealSeed();
        var client = await app.StartAsync();

        var response = await Get(client, "/robots.txt", "localhost", ("X-Forwarded-Host", EvilHost));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml\n", body);
        Assert.DoesNotContain(EvilHost, body);
    }

    [Fact]
    public async Task Behind_a_proxy_a_forwarded_host_in_AllowedHosts_names_the_site()
    {
        using var app = new TestApp(new()
        {
            ["NewsDigest:TrustForwardedHeaders"] = "true",
            ["AllowedHosts"] = "localhost;news.example.com",
        }).WithRealSeed();
        var client = await app.StartAsync();

        var response = await Get(client, "/robots.txt", "localhost", ("X-Forwarded-Host", "news.example.com"), ("X-Forwarded-Proto", "https"));

        Assert.Contains("Sitemap: https://news.example.com/sitemap.xml\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Behind_a_proxy_with_a_public_base_url_the_forwarded_host_never_reaches_the_response()
    {
        using var app = new TestApp(new()
        {
            ["NewsDigest:TrustForwardedHeaders"] = "true",
            ["NewsDigest:PublicBaseUrl"] = PublicBase,
        }).WithRealSeed();
        var client = await app.StartAsync();

        var response = await Get(client, "/feed.atom", "localhost", ("X-Forwarded-Host", EvilHost), ("X-Forwarded-Proto", "http"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"{PublicBase}/articles/{SeedId}/", body);
        Assert.DoesNotContain(EvilHost, body);
        Assert.DoesNotContain("http://localhost", body);
    }

    [Fact]
    public async Task Without_a_public_base_url_a_cached_response_is_never_served_to_another_host()
    {
        using var app = new TestApp(new() { ["AllowedHosts"] = "a.example;b.example" }).WithRealSeed();
        var client = await app.StartAsync();

        var first = await (await Get(client, "/sitemap.xml", "a.example")).Content.ReadAsStringAsync();
        var second = await (await Get(client, "/sitemap.xml", "b.example")).Content.ReadAsStringAsync();

        Assert.Contains("<loc>http://a.example/articles/", first);
        Assert.Contains("<loc>http://b.example/articles/", second);
        Assert.DoesNotContain("a.example", second);
    }

    [Fact]
    public async Task With_a_public_base_url_a_new_host_cannot_bypass_the_output_cache()
    {
        using var app = new TestApp(new() { ["NewsDigest:PublicBaseUrl"] = PublicBase }).WithRealSeed();
        var client = await app.StartAsync();

        var first = await Get(client, "/sitemap.xml", "a.example");
        var second = await Get(client, "/sitemap.xml", "b.example");

        // The output cache marks a copy it serves with Age; the page is built once for every host.
        Assert.False(first.Headers.Contains("Age"));
        Assert.True(second.Headers.Contains("Age"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> Get(HttpClient client, string url, string host, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = host;
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The seed article's permalink, asked for on the default host (localhost).</summary>
    private static async Task<string> Resolve(HttpClient client, string url)
    {
        if (url != "{article}")
        {
            return url;
        }

        var redirect = await client.GetAsync($"/articles/{SeedId}");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        return redirect.Headers.Location!.OriginalString;
    }
}
