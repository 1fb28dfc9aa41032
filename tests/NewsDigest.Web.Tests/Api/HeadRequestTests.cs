using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Api;

/// <summary>HEAD answers every GET endpoint with GET's status and headers and no body (RFC 9110 9.3.2), on real Kestrel.</summary>
public sealed class HeadRequestTests
{
    // A URL for each route the app maps; a new route without one fails the test below.
    private static readonly Dictionary<string, string> Samples = new()
    {
        ["/"] = "/?industry=%E5%8C%BB%E7%96%97",
        ["/articles/{id}/{slug?}"] = "/articles/77fc480992936622",
        ["/tags"] = "/tags",
        ["/tags/{kind}/{value}"] = "/tags/industry/%E5%8C%BB%E7%96%97",
        ["/insights"] = "/insights",
        ["/ingestion"] = "/ingestion",
        ["/ingestion/stories"] = "/ingestion/stories",
        ["/status/{code:int}"] = "/status/404",
        ["/api/articles"] = "/api/articles?q=%E6%A8%A1%E5%9E%8B",
        ["/api/articles/{id}"] = "/api/articles/77fc480992936622",
        ["/api/tags"] = "/api/tags",
        ["/api/ingestion"] = "/api/ingestion",
        ["/api/ingestion/clusters"] = "/api/ingestion/clusters",
        ["/feed.atom"] = "/feed.atom",
        ["/feed.json"] = "/feed.json",
        ["/export.csv"] = "/export.csv",
        ["/sitemap.xml"] = "/sitemap.xml",
        ["/sitemap-{part:int}.xml"] = "/sitemap-1.xml",
        ["/robots.txt"] = "/robots.txt",
        ["/healthz"] = "/healthz",
        ["/readyz"] = "/readyz",
        ["/settings/language"] = "/settings/language?culture=en&returnUrl=%2Ftags",
        ["/settings/theme"] = "/settings/theme?value=dark",
        ["/openapi/{documentName}.json"] = "/openapi/v1.json",
        ["/scalar/{documentName?}"] = "/scalar/v1",
        ["/scalar/scalar.js"] = "/scalar/scalar.js",
        ["/scalar/scalar.aspnetcore.js"] = "/scalar/scalar.aspnetcore.js",
        ["/scalar/favicon.svg"] = "/scalar/favicon.svg",
    };

    private static readonly string[] StaticFiles = ["/css/site.css", "/js/site.js", "/favicon.svg"];

    private static readonly string[] ComparedHeaders = ["Content-Type", "ETag", "Cache-Control", "Content-Length", "Last-Modified", "Location", "Vary"];

    [Fact]
    public async Task Head_answers_every_get_endpoint_like_get_without_a_body()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartOnKestrelAsync();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .ToList();

        Assert.Empty(routes.Except(Samples.Keys));
        foreach (var url in Samples.Values.Concat(StaticFiles))
        {
            var get = await client.GetAsync(url);
            var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

            Assert.True(get.StatusCode == head.StatusCode, $"{url}: GET {get.StatusCode}, HEAD {head.StatusCode}");
            Assert.NotEqual(HttpStatusCode.MethodNotAllowed, head.StatusCode);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            foreach (var name in ComparedHeaders)
            {
                Assert.True(Header(get, name) == Header(head, name), $"{url} {name}: GET '{Header(get, name)}', HEAD '{Header(head, name)}'");
            }
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : "";
}
