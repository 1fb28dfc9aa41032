using Dapper;
using NewsDigest.Core.Storage;
using NewsDigest.Core.Tests.Ingestion;

namespace NewsDigest.Core.Tests.Storage;

public sealed class MigrationsTests
{
    [Fact]
    public void A_new_file_gets_the_latest_schema_in_wal_mode_and_migrating_again_is_harmless()
    {
        using var folder = new TempFolder();
        var database = new Database(folder.Combine("sub", "new.db"));

        database.Migrate();
        database.Migrate();

        using var connection = database.Open();
        Assert.Equal(Migrations.Latest, Migrations.CurrentVersion(connection));
        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode"));
        Assert.Equal(1, connection.ExecuteScalar<int>("PRAGMA foreign_keys"));
        Assert.True(database.IsReachable());
    }

    [Fact]
    public void A_file_from_a_newer_build_is_refused()
    {
        using var folder = new TempFolder();
        var database = new Database(folder.Combine("future.db"));
        using (var connection = database.Open())
        {
            connection.Execute($"PRAGMA user_version = {Migrations.Latest + 1}");
        }

        Assert.Throws<InvalidOperationException>(database.Migrate);
    }
}
