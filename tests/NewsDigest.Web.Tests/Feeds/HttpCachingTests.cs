using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Feeds;

public sealed class HttpCachingTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/articles/77fc480992936622/guo-chan-da-mo-xing-zhu-shen-zhi-zhan-chu-lu-he-fang")]
    [InlineData("/feed.atom")]
    [InlineData("/api/articles")]
    [InlineData("/api/ingestion")]
    public async Task Responses_carry_validators_and_answer_conditional_gets_with_304(string url)
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var first = await client.GetAsync(url);
        var etag = first.Headers.ETag;
        var lastModified = first.Content.Headers.LastModified;
        var byTag = new HttpRequestMessage(HttpMethod.Get, url);
        byTag.Headers.IfNoneMatch.Add(etag!);
        var byDate = new HttpRequestMessage(HttpMethod.Get, url);
        byDate.Headers.IfModifiedSince = lastModified;
        var notModified = await client.SendAsync(byTag);
        var notModifiedSince = await client.SendAsync(byDate);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.NotNull(lastModified);
        Assert.True(first.Headers.CacheControl?.MaxAge > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, notModifiedSince.StatusCode);
    }

    [Fact]
    public async Task Validators_change_when_ingestion_changes_the_data()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();
        var before = (await client.GetAsync("/api/articles")).Headers.ETag!;

        app.WriteFile("001_00000000000000a9.txt", Digests.Make("新文章"));
        await app.RescanAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/articles");
        request.Headers.IfNoneMatch.Add(before);
        var after = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before, after.Headers.ETag);
    }

    [Fact]
    public async Task Article_pages_are_cached_longer_than_lists()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var list = await client.GetAsync("/");
        var article = await client.GetAsync("/articles/77fc480992936622/guo-chan-da-mo-xing-zhu-shen-zhi-zhan-chu-lu-he-fang");

        Assert.True(article.Headers.CacheControl!.MaxAge > list.Headers.CacheControl!.MaxAge);
    }

    [Fact]
    public async Task Each_encoding_of_a_page_is_cached_and_validated_as_its_own_representation()
    {
        const string Url = "/articles/77fc480992936622/guo-chan-da-mo-xing-zhu-shen-zhi-zhan-chu-lu-he-fang";
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var brotli = await Send(client, Url, "br");
        var brotliAgain = await Send(client, Url, "br");
        var identity = await Send(client, Url, null);
        var gzip = await Send(client, Url, "gzip");
        var identityWithBrotliTag = await Send(client, Url, null, brotli.Headers.ETag);
        var brotliWithBrotliTag = await Send(client, Url, "br", brotli.Headers.ETag);

        var html = await identity.Content.ReadAsStringAsync();
        Assert.Empty(identity.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal(html, await Decoded(brotli));
        Assert.Equal(html, await Decoded(gzip));
        // The second answer is the cached copy: the same bytes, with the same headers as the first.
        Assert.NotNull(brotliAgain.Headers.Age);
        Assert.Equal(await brotli.Content.ReadAsByteArrayAsync(), await brotliAgain.Content.ReadAsByteArrayAsync());
        Assert.Equal((await brotli.Content.ReadAsByteArrayAsync()).Length, brotli.Content.Headers.ContentLength);
        Assert.Equal(brotli.Content.Headers.ContentLength, brotliAgain.Content.Headers.ContentLength);
        Assert.Equal(brotli.Headers.ETag, brotliAgain.Headers.ETag);
        // A strong validator names one representation (RFC 9110 8.8.3): the brotli bytes' tag does
        // not validate the uncompressed page.
        Assert.False(brotli.Headers.ETag!.IsWeak);
        Assert.NotEqual(brotli.Headers.ETag, identity.Headers.ETag);
        Assert.NotEqual(brotli.Headers.ETag, gzip.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, identityWithBrotliTag.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, brotliWithBrotliTag.StatusCode);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string url, string? encoding, EntityTagHeaderValue? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (encoding is not null)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return client.SendAsync(request);
    }

    private static async Task<string> Decoded(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        using Stream decoded = response.Content.Headers.ContentEncoding.Single() == "br"
            ? new BrotliStream(body, CompressionMode.Decompress)
            : new GZipStream(body, CompressionMode.Decompress);
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task Text_is_compressed_with_brotli_or_gzip()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var gzip = new HttpRequestMessage(HttpMethod.Get, "/api/articles");
        gzip.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var brotli = await client.SendAsync(request);
        var gzipped = await client.SendAsync(gzip);

        Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
        Assert.Equal("gzip", Assert.Single(gzipped.Content.Headers.ContentEncoding));
    }
}
