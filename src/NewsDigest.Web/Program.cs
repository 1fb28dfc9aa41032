using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.WebEncoders;
using NewsDigest.Core;
using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Api;
using NewsDigest.Web.Cli;
using NewsDigest.Web.Feeds;
using NewsDigest.Web.Health;
using NewsDigest.Web.Infrastructure;
using Scalar.AspNetCore;
using Serilog;

// ---- Command line: `ingest`, `generate` and `healthcheck` run once and exit; host options start the portal ----
if (CommandLine.Run(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

// Content (appsettings.json, wwwroot) comes from the build output, so the README's command works
// from the repository root; relative data paths (seeds/, data/) resolve against the working folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// ---- The public address absolute URLs are built from; a malformed one stops here, before anything is touched ----
if (!PublicBaseUrl.TryRead(builder.Configuration, out var publicBaseUrl, out var publicBaseUrlError))
{
    Console.Error.WriteLine(publicBaseUrlError);
    return 1;
}

builder.Services.AddSingleton(publicBaseUrl);

// ---- Logging: Serilog, levels from appsettings ("Serilog" section), text or JSON lines (NewsDigest:Logging:Format) ----
if (!LogFormats.TryRead(builder.Configuration, out var logFormat, out var logFormatError))
{
    Console.Error.WriteLine(logFormatError);
    return 1;
}

// Each host keeps its own logger (the static Log.Logger stays untouched), so hosts side by side in
// one process, as in the tests, never write into each other's sinks.
builder.Services.AddSerilog(
    (services, logger) => logger
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()
        .Console(logFormat),
    preserveStaticLogger: true);

// ---- Kestrel: no Server header; a read-only site takes no large bodies ----
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = 64 * 1024;
    kestrel.Limits.MaxRequestLineSize = 8 * 1024;
    kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
});

// ---- NewsDigest core: database, parser, search, ingestion (a hosted background service) ----
builder.Services.AddNewsDigest(builder.Configuration);
builder.Services.AddHostedService(services => services.GetRequiredService<IngestionService>());
builder.Services.AddPortalHealthChecks();

// ---- Web: Razor Pages in two UI languages; Chinese written as text, not as &#x…; entities ----
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
// API JSON is never embedded in HTML, so it needs no HTML-safe escaping of & < > either.
builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
builder.Services.Configure<RequestLocalizationOptions>(o =>
{
    o.SetDefaultCulture("zh-Hans").AddSupportedCultures(UiPreferences.Cultures).AddSupportedUICultures(UiPreferences.Cultures);
    o.FallBackToParentUICultures = true;
    // The reader's explicit choice (cookie) beats the browser's Accept-Language.
    o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
});
builder.Services.AddSingleton<IProblemDetailsWriter, ApiProblemWriter>();
builder.Services.AddProblemDetails();
builder.Services.AddRazorPages();

// ---- HTTP caching: server output cache evicted by ingestion; ETag/Last-Modified; compression ----
builder.Services.AddPortalOutputCache(publicBaseUrl);
builder.Services.AddSingleton<DataVersion>();
builder.Services.AddResponseCompression(o =>
{
    o.EnableForHttps = true;
    o.Providers.Add<BrotliCompressionProvider>();
    o.Providers.Add<GzipCompressionProvider>();
    o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
        ["application/atom+xml", "application/feed+json", "application/problem+json", "text/csv", "image/svg+xml"]);
});
builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);

// ---- Protection: security headers, rate limits on search/API/feeds, allowed hosts, proxies if configured ----
builder.Services.AddPortalSecurityHeaders(builder.Environment.IsDevelopment());
builder.Services.AddPortalRateLimiting(builder.Configuration);
builder.Services.AddPortalHostFiltering(builder.Configuration, publicBaseUrl);
var behindProxy = builder.Configuration.GetValue<bool>("NewsDigest:TrustForwardedHeaders");
builder.Services.Configure<ForwardedHeadersOptions>(o =>
{
    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
    // Only switched on where a reverse proxy is the sole way in; its network is then trusted.
    o.KnownIPNetworks.Clear();
    o.KnownProxies.Clear();
});

// ---- OpenAPI document (/openapi/v1.json) and its reference page (/scalar/v1) ----
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
{
    // The document's server follows the public address too, never the request's host.
    if (publicBaseUrl.Absolute(SiteUrls.Home) is { } server)
    {
        document.Servers = [new Microsoft.OpenApi.OpenApiServer { Url = server }];
    }

    return Task.CompletedTask;
}));

var app = builder.Build();

// ---- Settings checked before anything is opened: one line each, naming the key ----
if (StartupSettings.Problems(app.Services) is { Count: > 0 } problems)
{
    problems.ToList().ForEach(Console.Error.WriteLine);
    return 1;
}

// ---- Schema before the first request; cache eviction on ingestion ----
// A database that cannot be opened ends the portal with one line naming the path and the cause.
try
{
    app.Services.GetRequiredService<IDatabase>().Migrate();
}
catch (DatabaseUnavailableException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

app.EvictOnDataChanges();

// ---- Pipeline: HEAD as GET; errors as problem details under /api and friendly pages elsewhere ----
// (The security headers wrap all of this: AddPortalSecurityHeaders puts them first.)
if (behindProxy)
{
    app.UseForwardedHeaders();
}

app.UseMiddleware<HeadRequestMiddleware>();
app.UseErrorAnswers();
app.UseSerilogRequestLogging(o =>
{
    o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
    o.GetLevel = RequestLogLevel.For;
});
app.UseResponseCompression();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseRateLimiter();
app.UseOutputCache();
app.UseMiddleware<ConditionalGetMiddleware>();
// Compressed inside the output cache as well, so a cached page is stored compressed and a hit is
// not compressed again, and inside the validators, so an ETag names the bytes sent. The outer
// one above handles everything else and leaves a response that is already encoded alone.
app.UseResponseCompression();

// ---- Endpoints: health, settings, the JSON API, feeds, the pages ----
app.MapPortalHealthChecks();
app.MapSettings();
app.MapArticlesApi();
app.MapIngestionApi();
app.MapFeeds();
app.MapExport();
app.MapSitemap();
app.MapOpenApi();
app.MapScalarApiReference().WithSecurityHeadersPolicy(SecurityHeaders.ApiReferencePolicy);
app.MapRazorPages();

if (!publicBaseUrl.IsSet)
{
    app.Logger.LogWarning(
        "NewsDigest:PublicBaseUrl is not set: absolute URLs (feeds, sitemap, canonical links) follow the request's host, "
        + "answered only for AllowedHosts ({AllowedHosts}). Set NewsDigest:PublicBaseUrl to the public address, e.g. https://news.example.com",
        string.Join(';', HostFiltering.AllowedHosts(app.Configuration)));
}

app.Run();
return 0;
