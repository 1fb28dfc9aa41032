using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Security;

/// <summary>A wrong setting stops the portal and the ingest command at start with one line naming
/// the key, exit code 1, no stack trace, and nothing created. These run the real executable.</summary>
public sealed class StartupSettingsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("newsdigest-settings-").FullName;

    [Theory]
    [InlineData("NewsDigest:RescanIntervalSeconds", "0")]
    [InlineData("NewsDigest:RescanIntervalSeconds", "-5")]
    [InlineData("NewsDigest:SettleMilliseconds", "-1")]
    [InlineData("NewsDigest:MaxFileBytes", "0")]
    [InlineData("NewsDigest:MaxFileBytes", "lots")]
    [InlineData("NewsDigest:RateLimit:PermitsPerWindow", "0")]
    [InlineData("NewsDigest:RateLimit:WindowSeconds", "0")]
    [InlineData("NewsDigest:SeedsPath", "{file}")]
    [InlineData("NewsDigest:DatabasePath", " ")]
    [InlineData("NewsDigest:Logging:Format", "xml")]
    [InlineData("NewsDigest:IngesterRetrySeconds", "0")]
    [InlineData("NewsDigest:NodeName", " ")]
    public async Task A_wrong_setting_is_one_line_naming_the_key_and_exit_1(string key, string value)
    {
        var file = Path.Combine(_root, "a-file.txt");
        File.WriteAllText(file, "not a folder");
        value = value.Replace("{file}", file, StringComparison.Ordinal);
        var database = key == "NewsDigest:DatabasePath" ? value : Path.Combine(_root, "data", "news.db");

        var outcome = await PortalProcess.RunAsync(_root, unprivileged: false, "--urls", "http://127.0.0.1:0", $"--NewsDigest:DatabasePath={database}", $"--{key}={value}");

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(key, line);
        Assert.DoesNotContain("Exception", outcome.StandardOutput + outcome.StandardError);
        Assert.False(Directory.Exists(Path.Combine(_root, "data")), "something was created before the settings were checked");
    }

    [Theory]
    [InlineData("mysql", null, "NewsDigest:Database:Provider")]
    [InlineData("postgres", null, "ConnectionStrings:NewsDigest")]
    [InlineData("postgres", "", "ConnectionStrings:NewsDigest")]
    [InlineData("postgres", "Host=db;Port=not-a-port;Password=s3cret", "ConnectionStrings:NewsDigest")]
    [InlineData("postgres", "this is not a connection string", "ConnectionStrings:NewsDigest")]
    [InlineData("postgres", "Database=news;Password=s3cret", "ConnectionStrings:NewsDigest")]
    public async Task A_wrong_database_setting_is_one_line_naming_the_key_and_exit_1(string provider, string? connectionString, string key)
    {
        var environment = new Dictionary<string, string> { ["NewsDigest__Database__Provider"] = provider };
        if (connectionString is not null)
        {
            environment["ConnectionStrings__NewsDigest"] = connectionString;
        }

        var outcome = await PortalProcess.RunAsync(
            _root, unprivileged: false, environment, "--urls", "http://127.0.0.1:0", $"--NewsDigest:DatabasePath={Path.Combine(_root, "data", "news.db")}");

        Assert.Equal(1, outcome.ExitCode);
        var line = Assert.Single(outcome.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(key, line);
        Assert.DoesNotContain("s3cret", outcome.StandardOutput + outcome.StandardError);
        Assert.DoesNotContain("Exception", outcome.StandardOutput + outcome.StandardError);
        Assert.False(Directory.Exists(Path.Combine(_root, "data")), "something was created before the settings were checked");
    }

    [Fact]
    public async Task The_ingest_command_checks_the_database_settings_too()
    {
        Directory.CreateDirectory(Path.Combine(_root, "seeds"));

        var outcome = await PortalProcess.RunAsync(
            _root, unprivileged: false, new Dictionary<string, string> { ["NewsDigest__Database__Provider"] = "postgres" }, "ingest", "seeds", "--db", "data/news.db");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(
            "ConnectionStrings:NewsDigest must be set to a PostgreSQL connection string when NewsDigest:Database:Provider is postgres.",
            outcome.StandardError.Trim());
        Assert.False(Directory.Exists(Path.Combine(_root, "data")));
    }

    [Fact]
    public async Task The_ingest_command_checks_the_settings_too()
    {
        Directory.CreateDirectory(Path.Combine(_root, "seeds"));

        var outcome = await PortalProcess.RunAsync(
            _root, unprivileged: false, new Dictionary<string, string> { ["NewsDigest__MaxFileBytes"] = "-1" }, "ingest", "seeds", "--db", "data/news.db");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("NewsDigest:MaxFileBytes must be at least 1; it is -1.", outcome.StandardError.Trim());
        Assert.False(Directory.Exists(Path.Combine(_root, "data")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
