using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Web;

namespace NewsDigest.Benchmarks;

/// <summary>
/// The real web app (pipeline, Razor pages, ETag hashing, compression off) over an existing
/// database, in memory through TestServer (or on Kestrel after UseKestrel), with the output cache
/// switched off unless asked for and logging at Warning. The start-up scan of the seeds folder
/// runs as in production; with the database built from the same folder it finds every file unchanged.
/// </summary>
internal sealed class InProcessPortal(string seedsPath, string databasePath, bool outputCache = false) : WebApplicationFactory<SharedResource>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("NewsDigest:SeedsPath", seedsPath);
        builder.UseSetting("NewsDigest:DatabasePath", databasePath);
        builder.UseSetting("NewsDigest:WatchFolder", "false");
        builder.UseSetting("NewsDigest:RescanIntervalSeconds", "86400");
        builder.UseSetting("NewsDigest:RateLimit:Enabled", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
        if (!outputCache)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<IOutputCacheStore, NoOutputCacheStore>());
        }
    }
}
