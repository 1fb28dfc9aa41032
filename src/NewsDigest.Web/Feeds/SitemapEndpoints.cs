using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Feeds;

/// <summary>GET /sitemap.xml (every article permalink with its last change; a sitemap index
/// beyond 50,000 URLs, pointing at /sitemap-N.xml) and GET /robots.txt.</summary>
public static class SitemapEndpoints
{
    public const int UrlsPerSitemap = 50_000;
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", Sitemap).ExcludeFromDescription()
            .CacheOutput(ResponseCaching.Pages).WithMetadata(new ClientCacheAttribute(3600));
        app.MapGet("/sitemap-{part:int}.xml", Part).ExcludeFromDescription()
            .CacheOutput(ResponseCaching.Pages).WithMetadata(new ClientCacheAttribute(3600));
        app.MapGet("/robots.txt", Robots).ExcludeFromDescription();
        return app;
    }

    private static FileContentHttpResult Sitemap(HttpRequest request, IArticleReader articles, PublicBaseUrl publicBaseUrl)
    {
        var count = articles.Count();
        if (count <= UrlsPerSitemap)
        {
            return UrlSet(request, articles, publicBaseUrl, 0);
        }

        return Xml(writer =>
        {
            writer.WriteStartElement("sitemapindex", Namespace);
            for (var part = 1; (part - 1) * UrlsPerSitemap < count; part++)
            {
                writer.WriteStartElement("sitemap");
                writer.WriteElementString("loc", publicBaseUrl.Absolute(request, SiteUrls.SitemapPart(part)));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    private static Results<FileContentHttpResult, NotFound> Part(int part, HttpRequest request, IArticleReader articles, PublicBaseUrl publicBaseUrl) =>
        part < 1 || (long)(part - 1) * UrlsPerSitemap >= Math.Max(1, articles.Count())
            ? TypedResults.NotFound()
            : UrlSet(request, articles, publicBaseUrl, (part - 1) * UrlsPerSitemap);

    private static FileContentHttpResult UrlSet(HttpRequest request, IArticleReader articles, PublicBaseUrl publicBaseUrl, int offset) => Xml(writer =>
    {
        writer.WriteStartElement("urlset", Namespace);
        foreach (var (id, slug, updatedAt) in articles.SitemapEntries(offset, UrlsPerSitemap))
        {
            writer.WriteStartElement("url");
            writer.WriteElementString("loc", publicBaseUrl.Absolute(request, SiteUrls.Article(id, slug)));
            writer.WriteElementString("lastmod", updatedAt[..19] + "Z");
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    private static FileContentHttpResult Xml(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartDocument();
            write(writer);
        }

        return TypedResults.Bytes(stream.ToArray(), "application/xml; charset=utf-8");
    }

    private static ContentHttpResult Robots(HttpRequest request, PublicBaseUrl publicBaseUrl) => TypedResults.Text(
        $"""
        User-agent: *
        Allow: /
        Disallow: /settings/
        Disallow: /export.csv
        Sitemap: {publicBaseUrl.Absolute(request, SiteUrls.Sitemap)}

        """,
        "text/plain; charset=utf-8");
}
