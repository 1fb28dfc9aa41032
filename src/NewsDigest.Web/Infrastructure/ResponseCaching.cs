using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using NewsDigest.Core.Storage;

namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// Server-side output caching of pages and API responses. Entries vary by the full query, by
/// the reader's UI language and theme and by the content coding the response compression picks
/// for the request (brotli, gzip or none: entries are stored compressed), and are evicted the
/// moment ingestion changes the data:
/// "articles" when an article changes, "ingestion" after every scan. Without a public base URL
/// they also vary by host (a page names the host it was asked for, and must not be served to
/// another); with one, every host gets the same bytes, so a made-up Host cannot bypass the cache.
/// </summary>
public static class ResponseCaching
{
    public const string Pages = "pages";
    public const string IngestionReport = "ingestion-report";
    public const string ArticlesTag = "articles";
    public const string IngestionTag = "ingestion";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static IServiceCollection AddPortalOutputCache(this IServiceCollection services, PublicBaseUrl publicBaseUrl)
    {
        var varyByHost = !publicBaseUrl.IsSet;
        services.AddOutputCache(options =>
        {
            options.SizeLimit = 256 * 1024 * 1024;
            options.AddPolicy(Pages, policy => policy
                .Expire(Lifetime)
                .SetVaryByHost(varyByHost)
                .SetVaryByQuery("*")
                .VaryByValue(context => new KeyValuePair<string, string>("ui", Key(context)))
                .Tag(ArticlesTag));
            options.AddPolicy(IngestionReport, policy => policy
                .Expire(Lifetime)
                .SetVaryByHost(varyByHost)
                .VaryByValue(context => new KeyValuePair<string, string>("ui", Key(context)))
                .Tag(IngestionTag));
        });
        return services;
    }

    /// <summary>Evicts cached pages when the data they show changes. Call once after the app is built.</summary>
    public static void EvictOnDataChanges(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<IOutputCacheStore>();
        app.Services.GetRequiredService<DataChanges>().Changed += change =>
        {
            if (change.HasFlag(DataChange.Articles))
            {
                store.EvictByTagAsync(ArticlesTag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            }

            if (change.HasFlag(DataChange.Report))
            {
                store.EvictByTagAsync(IngestionTag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            }
        };
    }

    private static string Key(HttpContext context)
    {
        var ui = UiPreferences.From(context);
        var coding = context.RequestServices.GetRequiredService<IResponseCompressionProvider>().GetCompressionProvider(context)?.EncodingName;
        return ui.Culture + "|" + ui.Theme + "|" + (coding ?? "identity");
    }
}
