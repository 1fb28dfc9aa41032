using NewsDigest.Web.Cli;

namespace NewsDigest.Web.Tests.Cli;

/// <summary>The command line: commands with their usage, --version, strict errors (exit 2, usage on
/// stderr), and host options that still start the portal.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5080")]
    [InlineData("--urls=http://127.0.0.1:5080")]
    [InlineData("--environment", "Production", "--NewsDigest:SeedsPath=/srv/digests")]
    [InlineData("--NewsDigest:RateLimit:Enabled", "false", "--Serilog:MinimumLevel:Default=Debug")]
    [InlineData("--AllowedHosts", "news.example.com")]
    [InlineData("--NewsDigest=", "--environment=Testing", "--contentRoot=/srv/app", "--applicationName=NewsDigest.Web")]
    public void Host_options_alone_start_the_portal(params string[] args)
    {
        var (exitCode, _, _) = Run(args);

        Assert.Null(exitCode);
    }

    [Theory]
    [InlineData("ingets")]
    [InlineData("ingest", "--bd", "x")]
    [InlineData("ingest")]
    [InlineData("migrate", "--bd", "x")]
    [InlineData("migrate", "extra")]
    [InlineData("generate", "out")]
    [InlineData("generate", "out", "--count", "0")]
    [InlineData("generate", "out", "--count", "ten")]
    [InlineData("generate", "out", "--count", "3", "--malformed", "2")]
    [InlineData("healthcheck", "--url", "ftp://example.com")]
    [InlineData("healthcheck", "--timeout", "0")]
    [InlineData("--bogus")]
    [InlineData("--urls")]
    [InlineData("--NewsDigest:SeedsPath")]
    [InlineData("seeds")]
    public void A_usage_error_prints_the_error_and_usage_to_stderr_and_exits_2(params string[] args)
    {
        var (exitCode, output, error) = Run(args);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("Usage:", error);
        Assert.NotEqual("", error.Split('\n')[0].Trim());
    }

    [Theory]
    [InlineData("ingest", "<folder>", "--db")]
    [InlineData("migrate", "schema", "--db")]
    [InlineData("generate", "<folder>", "--count")]
    [InlineData("healthcheck", "--url", "--timeout")]
    public void Every_command_has_help(string command, string argument, string option)
    {
        var (exitCode, output, error) = Run([command, "--help"]);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains($" {command} ", output);
        Assert.Contains(argument, output);
        Assert.Contains(option, output);
    }

    [Fact]
    public void Help_lists_the_commands_and_version_prints_the_version()
    {
        var (helpCode, help, _) = Run(["--help"]);
        var (versionCode, version, _) = Run(["--version"]);

        Assert.Equal(0, helpCode);
        Assert.All(new[] { "ingest", "migrate", "generate", "healthcheck", "--urls" }, word => Assert.Contains(word, help));
        Assert.Equal(0, versionCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Trim());
    }

    [Fact]
    public void Migrate_creates_or_upgrades_the_schema_and_can_run_again()
    {
        var folder = Directory.CreateTempSubdirectory("newsdigest-migrate-");
        try
        {
            var database = Path.Combine(folder.FullName, "data", "news.db");

            var (first, output, error) = Run(["migrate", "--db", database]);
            var (again, _, _) = Run(["migrate", "--db", database]);

            Assert.True(first == 0, error);
            Assert.Equal($"The database {database} is up to date.\n", output.ReplaceLineEndings("\n"));
            Assert.Equal(0, again);
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT user_version FROM pragma_user_version) > 0 AND EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'articles')";
            Assert.Equal(1L, command.ExecuteScalar());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Generate_writes_the_same_files_for_the_same_seed()
    {
        var first = Directory.CreateTempSubdirectory("newsdigest-generate-");
        var second = Directory.CreateTempSubdirectory("newsdigest-generate-");
        try
        {
            var (code, output, _) = Run(["generate", first.FullName, "--count", "3", "--seed", "7"]);
            Run(["generate", second.FullName, "--count", "3", "--seed", "7"]);

            Assert.Equal(0, code);
            Assert.Contains("Wrote 3 digests", output);
            Assert.Equal(
                first.GetFiles().Select(f => (f.Name, File.ReadAllText(f.FullName))).OrderBy(f => f.Name),
                second.GetFiles().Select(f => (f.Name, File.ReadAllText(f.FullName))).OrderBy(f => f.Name));
        }
        finally
        {
            first.Delete(recursive: true);
            second.Delete(recursive: true);
        }
    }

    [Fact]
    public void Healthcheck_of_a_portal_that_is_not_there_fails_quickly()
    {
        var (exitCode, _, error) = Run(["healthcheck", "--url", "http://127.0.0.1:9"]);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("unhealthy: http://127.0.0.1:9/healthz", error);
    }

    private static (int? ExitCode, string Output, string Error) Run(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CommandLine.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
