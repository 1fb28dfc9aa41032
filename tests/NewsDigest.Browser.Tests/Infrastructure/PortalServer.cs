using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Core.Ingestion;

namespace NewsDigest.Browser.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel at a free loopback port (a browser cannot reach the in-memory test
/// server), over a temp copy of TestData/Seeds and its own temp SQLite file.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "newsdigest-browser-tests", Guid.NewGuid().ToString("N"));

    public PortalServer()
    {
        var seeds = Path.Combine(AppContext.BaseDirectory, "TestData", "Seeds");
        Directory.CreateDirectory(SeedsPath);
        foreach (var file in Directory.GetFiles(seeds))
        {
            File.Copy(file, Path.Combine(SeedsPath, Path.GetFileName(file)));
        }

        // Port 0: the OS picks a free port, so parallel runs on one machine never collide.
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string SeedsPath => Path.Combine(_root, "seeds");

    /// <summary>http://127.0.0.1:{port}, known once <see cref="StartAsync"/> returns.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts Kestrel and waits for the start-up scan, so every page shows the whole corpus.</summary>
    public async Task StartAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single());
        await Services.GetRequiredService<IngestionService>().FirstScan;
    }

    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production: the pages, headers and error handling readers get.
        builder.UseEnvironment("Production");
        builder.UseSetting("NewsDigest:SeedsPath", SeedsPath);
        builder.UseSetting("NewsDigest:DatabasePath", Path.Combine(_root, "data", "browser.db"));
        // The corpus never changes during a run: no watcher (inotify instances are scarce).
        builder.UseSetting("NewsDigest:WatchFolder", "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
