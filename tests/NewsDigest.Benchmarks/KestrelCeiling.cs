using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace NewsDigest.Benchmarks;

/// <summary>
/// The platform's ceiling for a page: bare Kestrel answering with bytes already in memory, with
/// no middleware, routing or logging. tests/load/portal-wrk.sh runs it beside nginx and the portal
/// on saved copies of the same pages, so a page's throughput can be read against what this runtime
/// does at all on this machine (the ratio to nginx varies from machine to machine).
/// </summary>
internal static class KestrelCeiling
{
    public const string Summary = "bare Kestrel serving saved pages from memory: --urls URL --page /path=file ... (used by tests/load/portal-wrk.sh)";

    public static int Run(string[] args)
    {
        var urls = "http://127.0.0.1:5082";
        var pages = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--urls":
                    urls = args[i + 1];
                    break;
                case "--page" when args[i + 1].Split('=', 2) is [var path, var file]:
                    pages[path] = File.ReadAllBytes(file);
                    break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]} {args[i + 1]}; usage: ceiling --urls URL --page /path=file ...");
                    return 2;
            }
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls(urls);
        var app = builder.Build();
        app.Run(context =>
        {
            if (!pages.TryGetValue(context.Request.Path.Value ?? "", out var body))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body, 0, body.Length);
        });
        Console.WriteLine($"serving {pages.Count} page(s) on {urls}");
        app.Run();
        return 0;
    }
}
