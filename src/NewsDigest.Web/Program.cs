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
using NewsDigest.Web.Infrastructure;
using Scalar.AspNetCore;
using Serilog;

// ---- Command-line tools: `ingest <folder>` and `generate <folder>` run once and exit ----
if (CommandLine.TryRun(args, out var exitCode))
{
    return exitCode;
}

// Content (appsettings.json, wwwroot) comes from the build output, so the README's command works
// from the repository root; relative data paths (seeds/, data/) resolve against the working folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// ---- Logging: Serilog, levels from appsettings ("Serilog" section) ----
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteTo.Console());

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
builder.Services.AddProblemDetails();
builder.Services.AddRazorPages();

// ---- HTTP caching: server output cache evicted by ingestion; ETag/Last-Modified; compression ----
builder.Services.AddPortalOutputCache();
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

// ---- Protection: security headers, rate limits on search/API/feeds, proxies if configured ----
builder.Services.AddPortalSecurityHeaders(builder.Environment.IsDevelopment());
builder.Services.AddPortalRateLimiting(builder.Configuration);
var behindProxy = builder.Configuration.GetValue<bool>("NewsDigest:TrustForwardedHeaders");
builder.Services.Configure<ForwardedHeadersOptions>(o =>
{
    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
    // Only switched on where a reverse proxy is the sole way in; its network is then trusted.
    o.KnownIPNetworks.Clear();
    o.KnownProxies.Clear();
});

// ---- OpenAPI document (/openapi/v1.json) and its reference page (/scalar/v1) ----
builder.Services.AddOpenApi();

var app = builder.Build();

// ---- Schema before the first request; cache eviction on ingestion ----
// A database that cannot be opened ends the portal with one line naming the path and the cause.
try
{
    app.Services.GetRequiredService<Database>().Migrate();
}
catch (DatabaseUnavailableException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

app.EvictOnIngestion();

// ---- Pipeline: errors as friendly pages (no stack traces outside Development) ----
if (behindProxy)
{
    app.UseForwardedHeaders();
}

app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/status/500");
}

app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseSerilogRequestLogging();
app.UseResponseCompression();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseRateLimiter();
app.UseOutputCache();
app.UseMiddleware<ConditionalGetMiddleware>();

// ---- Endpoints: health, settings, the JSON API, feeds, the pages ----
app.MapGet("/healthz", HealthEndpoints.Liveness).ExcludeFromDescription();
app.MapGet("/readyz", ReadinessEndpoint.Ready).ExcludeFromDescription();
app.MapSettings();
app.MapArticlesApi();
app.MapIngestionApi();
app.MapFeeds();
app.MapExport();
app.MapSitemap();
app.MapOpenApi();
app.MapScalarApiReference().WithSecurityHeadersPolicy(SecurityHeaders.ApiReferencePolicy);
app.MapRazorPages();

app.Run();
return 0;
