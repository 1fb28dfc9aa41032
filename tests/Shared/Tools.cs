namespace NewsDigest.Tests.Shared;

/// <summary>
/// Whether the tools of <see cref="Tool"/> are here, and what to do when one is not. A test that
/// needs a missing tool is skipped with a reason that says how to get it, except where the tool
/// is required (<c>CI=true</c>, or <c>NEWSDIGEST_REQUIRE_BROWSER=1</c> for Chromium): there the
/// test runs and fails, so a CI machine without the tool can never pass by skipping.
/// </summary>
public static class Tools
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>vnu.jar as `npm ci --prefix tests/tools` installs it (.ci/run does), or NEWSDIGEST_VNU_JAR.</summary>
    public static string NuCheckerJar =>
        Environment.GetEnvironmentVariable("NEWSDIGEST_VNU_JAR") is { Length: > 0 } jar
            ? jar
            : Path.Combine(RepositoryRoot, "tests", "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NewsDigest.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    /// <summary>Why a test that needs the tool is skipped, or null when it runs.</summary>
    public static string? SkipReason(Tool tool)
    {
        if (IsRequired(tool))
        {
            return null;
        }

        return tool switch
        {
            Tool.Chromium when !File.Exists(ChromiumPath) =>
                $"needs Chromium at {ChromiumPath}: apt-get install chromium fonts-noto-cjk (.ci/run does; NEWSDIGEST_REQUIRE_BROWSER=1 makes this a failure)",
            Tool.NuHtmlChecker when OnPath("java") is null || !File.Exists(NuCheckerJar) =>
                $"needs java and {NuCheckerJar}: apt-get install default-jre-headless; npm ci --prefix tests/tools (.ci/run does)",
            Tool.PostgreSql when !PostgresTestDatabase.IsServerReachable =>
                $"needs a PostgreSQL server at {PostgresTestDatabase.Variable}: eval \"$(tests/tools/postgres.sh start)\" (.ci/run does)",
            Tool.UnprivilegedUser when Environment.IsPrivilegedProcess && OnPath("setpriv") is null =>
                "runs as root without setpriv, so file permissions cannot be tested: apt-get install util-linux (.ci/run has it)",
            _ => null,
        };
    }

    public static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    private static bool IsRequired(Tool tool) =>
        Environment.GetEnvironmentVariable("CI") == "true"
        || (tool == Tool.Chromium && Environment.GetEnvironmentVariable("NEWSDIGEST_REQUIRE_BROWSER") == "1");
}
