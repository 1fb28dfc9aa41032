using System.Net;
using AngleSharp;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NewsDigest.Core.Ingestion;

namespace NewsDigest.Web.Tests.Infrastructure;

/// <summary>
/// The real app through the real pipeline, over its own temp seeds folder and SQLite file.
/// Each test creates its own; the start-up scan has finished when <see cref="StartAsync"/> returns.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "newsdigest-web-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private readonly List<Action<IServiceCollection>> _services = [];

    public TestApp(Dictionary<string, string?>? settings = null)
    {
        Directory.CreateDirectory(SeedsPath);
        _settings = new Dictionary<string, string?>
        {
            ["NewsDigest:SeedsPath"] = SeedsPath,
            ["NewsDigest:DatabasePath"] = DatabasePath,
            ["NewsDigest:WatchFolder"] = "false",
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public string SeedsPath => Path.Combine(_root, "seeds");

    public string DatabasePath => Path.Combine(_root, "data", "web.db");

    public static string TestData(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    /// <summary>Copies the real seed into the seeds folder.</summary>
    public TestApp WithRealSeed()
    {
        File.Copy(TestData("Seeds", "000_77fc480992936622.txt"), Path.Combine(SeedsPath, "000_77fc480992936622.txt"));
        return this;
    }

    public TestApp WithFile(string relativePath, string content)
    {
        WriteFile(relativePath, content);
        return this;
    }

    /// <summary>Replaces services after the app registered its own (a clock, say).</summary>
    public TestApp WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    public void WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(SeedsPath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>Starts the host and waits for the start-up scan.</summary>
    public async Task<HttpClient> StartAsync()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Services.GetRequiredService<IngestionService>().FirstScan;
        return client;
    }

    /// <summary>Starts the host on real Kestrel at a free loopback port instead of the in-memory
    /// server, for what only a real server does (header validation, its own 400 and 414 answers).</summary>
    public async Task<HttpClient> StartOnKestrelAsync()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await Services.GetRequiredService<IngestionService>().FirstScan;
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
    }

    public Task<ScanReport> RescanAsync() => Services.GetRequiredService<Ingester>().ScanAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => _services.ForEach(configure => configure(services)));
    }

    public static async Task<IHtmlDocument> ParseHtml(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return (IHtmlDocument)await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!));
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
