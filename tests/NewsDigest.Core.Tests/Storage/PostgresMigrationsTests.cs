using Dapper;
using NewsDigest.Core.Storage;
using NewsDigest.Core.Storage.Postgres;
using NewsDigest.Tests.Shared;
using Npgsql;

namespace NewsDigest.Core.Tests.Storage;

/// <summary>What only the PostgreSQL engine does at start: its schema versions and an unreachable server.</summary>
public sealed class PostgresMigrationsTests
{
    [FactNeeding(Tool.PostgreSql)]
    public void A_new_database_gets_the_latest_schema_and_migrating_again_is_harmless()
    {
        using var server = new PostgresTestDatabase();
        using var database = new PostgresDatabase(server.ConnectionString);

        database.Migrate();
        database.Migrate();

        using var connection = database.Open();
        Assert.Equal(PostgresMigrations.Latest, PostgresMigrations.CurrentVersion(connection));
        Assert.Equal(1, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM schema_version"));
        Assert.True(database.IsReachable());
    }

    [FactNeeding(Tool.PostgreSql)]
    public async Task Nodes_starting_together_migrate_one_after_the_other()
    {
        using var server = new PostgresTestDatabase();
        var nodes = Enumerable.Range(0, 4).Select(_ => new PostgresDatabase(server.ConnectionString)).ToList();

        await Task.WhenAll(nodes.Select(node => Task.Run(node.Migrate)));

        using var connection = nodes[0].Open();
        Assert.Equal(PostgresMigrations.Latest, PostgresMigrations.CurrentVersion(connection));
        Assert.Equal(1, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM schema_version"));
        nodes.ForEach(node => node.Dispose());
    }

    [FactNeeding(Tool.PostgreSql)]
    public void A_database_from_a_newer_build_is_refused()
    {
        using var server = new PostgresTestDatabase();
        using var database = new PostgresDatabase(server.ConnectionString);
        database.Migrate();
        using (var connection = database.Open())
        {
            connection.Execute("UPDATE schema_version SET version = @version", new { version = PostgresMigrations.Latest + 1 });
        }

        Assert.Throws<InvalidOperationException>(database.Migrate);
    }

    [Fact]
    public void An_unreachable_server_is_one_line_naming_where_without_the_password()
    {
        using var database = new PostgresDatabase("Host=127.0.0.1;Port=1;Database=news;Username=portal;Password=s3cret;Timeout=3");

        var e = Assert.Throws<DatabaseUnavailableException>(database.Migrate);

        Assert.StartsWith("cannot open database postgres://127.0.0.1:1/news: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain("s3cret", e.Message);
        Assert.False(database.IsReachable());
    }

    [FactNeeding(Tool.PostgreSql)]
    public void Text_and_times_come_back_exactly_as_written()
    {
        using var server = new PostgresTestDatabase();
        using var database = new PostgresDatabase(server.ConnectionString);
        database.Migrate();
        var runs = new PostgresIngestionRuns(database);

        var run = runs.StartRun(new DateTime(2026, 12, 3, 14, 5, 6, 789, DateTimeKind.Utc));
        runs.FailRun(run, "读不了：文件夹 ＂seeds＂ 🤖 missing", new DateTime(2026, 12, 3, 14, 5, 7, DateTimeKind.Utc));

        var failure = runs.CurrentFailure();
        Assert.NotNull(failure);
        Assert.Equal("读不了：文件夹 ＂seeds＂ 🤖 missing", failure.Reason);
        Assert.Equal("2026-12-03T14:05:06.789Z", failure.Since);
        Assert.Equal("2026-12-03T14:05:07.000Z", failure.CheckedAt);
        NpgsqlConnection.ClearAllPools();
    }
}
