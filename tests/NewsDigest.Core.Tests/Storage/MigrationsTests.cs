using Dapper;
using Microsoft.Data.Sqlite;
using NewsDigest.Core.Storage;
using NewsDigest.Core.Storage.Sqlite;
using NewsDigest.Core.Tests.Ingestion;

namespace NewsDigest.Core.Tests.Storage;

public sealed class MigrationsTests
{
    [Fact]
    public void A_new_file_gets_the_latest_schema_in_wal_mode_and_migrating_again_is_harmless()
    {
        using var folder = new TempFolder();
        var database = new SqliteDatabase(folder.Combine("sub", "new.db"));

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
        var database = new SqliteDatabase(folder.Combine("future.db"));
        using (var connection = database.Open())
        {
            connection.Execute($"PRAGMA user_version = {Migrations.Latest + 1}");
        }

        Assert.Throws<InvalidOperationException>(database.Migrate);
    }

    [Fact]
    public void Upgrading_to_the_ascii_tokenizer_rebuilds_every_search_entry_as_ingestion_writes_it()
    {
        using var harness = new IngestionHarness();
        harness.CopyRealSeed();
        harness.Write("a/001_0000000000000001.txt", IngestionHarness.Digest("Café 医疗大模型", industries: "医疗、金融", technologies: "大模型", keywords: "Ñandú, GPT-4"));
        harness.Write("002_0000000000000002.txt", IngestionHarness.Digest("无标签", industries: "", technologies: "", keywords: ""));
        harness.Scan();
        var ingested = SearchEntries(harness.Sqlite);

        // A file of version 2: the table as step 1 made it, entries written with the old tokenizer.
        using (var connection = harness.Sqlite.Open())
        {
            AsVersion4(connection);
            connection.Execute(
                """
                DROP TABLE article_grams;
                DROP TABLE article_search;
                CREATE VIRTUAL TABLE article_search USING fts5 (
                    title, tags, events, body, content = '', contentless_delete = 1,
                    tokenize = 'unicode61 remove_diacritics 2', prefix = '1');
                INSERT INTO article_search (rowid, title) VALUES (1, 'stale');
                PRAGMA user_version = 2;
                """);
        }

        harness.Database.Migrate();

        using (var connection = harness.Sqlite.Open())
        {
            Assert.Equal(Migrations.Latest, Migrations.CurrentVersion(connection));
            Assert.Contains("'ascii'", connection.ExecuteScalar<string>("SELECT sql FROM sqlite_master WHERE name = 'article_search'"));
        }

        Assert.Equal(ingested, SearchEntries(harness.Sqlite));
        Assert.Equal(["Café 医疗大模型"], harness.Listing.List(new ArticleFilter { Query = "cafe nandu" }).Items.Select(i => i.Title));
    }

    [Fact]
    public void Upgrading_to_the_grams_table_fills_both_tables_as_ingestion_writes_them()
    {
        using var harness = new IngestionHarness();
        harness.CopyRealSeed();
        harness.Write("a/001_0000000000000001.txt", IngestionHarness.Digest("医疗大模型", industries: "医疗、金融", technologies: "大模型", keywords: "人工智能, GPT-4"));
        harness.Write("002_0000000000000002.txt", IngestionHarness.Digest("No Chinese here", industries: "", technologies: "", keywords: ""));
        harness.Scan();
        var ingested = GramEntries(harness.Sqlite);
        var words = SearchEntries(harness.Sqlite);
        Assert.Contains("1 大模型", ingested);
        Assert.Contains("1 医", ingested);

        // A file of version 3: no grams table, article_search with its prefix index, entries stale.
        using (var connection = harness.Sqlite.Open())
        {
            AsVersion4(connection);
            connection.Execute(
                """
                DROP TABLE article_grams;
                DROP TABLE article_search;
                CREATE VIRTUAL TABLE article_search USING fts5 (
                    title, tags, events, body, content = '', contentless_delete = 1, tokenize = 'ascii', prefix = '1');
                INSERT INTO article_search (rowid, title) VALUES (1, 'stale');
                PRAGMA user_version = 3;
                """);
        }

        harness.Database.Migrate();

        using (var connection = harness.Sqlite.Open())
        {
            Assert.DoesNotContain("prefix", connection.ExecuteScalar<string>("SELECT sql FROM sqlite_master WHERE name = 'article_search'"));
        }

        Assert.Equal(ingested, GramEntries(harness.Sqlite));
        Assert.Equal(words, SearchEntries(harness.Sqlite));
        Assert.Equal(["医疗大模型"], harness.Listing.List(new ArticleFilter { Query = "医" }).Items.Select(i => i.Title).Where(t => t == "医疗大模型"));
        Assert.Equal(["医疗大模型"], harness.Listing.List(new ArticleFilter { Query = "医疗大模型" }).Items.Select(i => i.Title));
    }

    [Fact]
    public void Upgrading_to_unreadable_statuses_keeps_every_file_run_and_first_seen_time()
    {
        using var harness = new IngestionHarness();
        harness.CopyRealSeed();
        harness.Write("bad.txt", "总结: 没有标题\n");
        harness.Write("warned.txt", IngestionHarness.Digest("坏链接", link: "javascript:alert(1)"));
        var gone = harness.Write("gone.txt", IngestionHarness.Digest("将被删除"));
        harness.Scan();
        File.Delete(gone);
        harness.Scan();
        // A run a crash cut off: the upgrade keeps it open, the first scan marks it interrupted.
        harness.Runs.StartRun(DateTime.UtcNow);

        const string Runs = "SELECT id, started_at, finished_at, added, updated, unchanged, removed, rejected FROM ingestion_runs ORDER BY id";
        const string Files = "SELECT * FROM source_files ORDER BY path";
        const string FirstSeen = "SELECT id, ingested_at, updated_at FROM articles ORDER BY id";
        var runs = Rows(harness.Sqlite, Runs);
        var files = Rows(harness.Sqlite, Files);
        var firstSeen = Rows(harness.Sqlite, FirstSeen);
        Assert.Equal(3, runs.Count);
        Assert.Contains(files, f => f.Contains("|removed|", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("|rejected|", StringComparison.Ordinal));
        using (var connection = harness.Sqlite.Open())
        {
            AsVersion4(connection);
            connection.Execute("PRAGMA user_version = 4");
        }

        harness.Database.Migrate();

        Assert.Equal(runs, Rows(harness.Sqlite, Runs));
        Assert.Equal(files, Rows(harness.Sqlite, Files));
        Assert.Equal(firstSeen, Rows(harness.Sqlite, FirstSeen));
        Assert.Equal(["0||"], Rows(harness.Sqlite, "SELECT DISTINCT unreadable, error, interrupted_at FROM ingestion_runs"));
        Assert.Single(Rows(harness.Sqlite, "SELECT id FROM ingestion_runs WHERE finished_at IS NULL"));
        Assert.Empty(harness.SourceFiles.UnreadableFolders());
        var file = harness.SourceFiles.LoadAll()["warned.txt"];
        file.Status = SourceFileStatus.Unreadable;
        using (var writer = harness.Database.OpenScanWriter())
        {
            writer.SaveFile(file);
            writer.Commit();
        }

        Assert.Equal(SourceFileStatus.Unreadable, harness.Files().Single(f => f.Path == "warned.txt").Status);
    }

    [Fact]
    public void Upgrading_to_problem_kinds_keeps_every_file_and_counts_the_problems_already_known()
    {
        using var harness = new IngestionHarness();
        harness.CopyRealSeed();
        harness.Write("bad.txt", "总结: 没有标题\n");
        harness.Write("notes.md", "# 不是摘要");
        harness.Write("warned.txt", IngestionHarness.Digest("坏链接和坏日期", link: "javascript:alert(1)", date: "去年"));
        var gone = harness.Write("gone.txt", IngestionHarness.Digest("将被删除", date: "前天"));
        harness.Scan();
        File.Delete(gone);
        harness.Scan();
        const string Files = "SELECT * FROM source_files ORDER BY path";
        var files = Rows(harness.Sqlite, Files);
        var counts = harness.SourceFiles.ReasonCounts();
        Assert.Equal(4, counts.Count);
        using (var connection = harness.Sqlite.Open())
        {
            AsVersion5(connection);
            connection.Execute("PRAGMA user_version = 5");
        }

        harness.Database.Migrate();

        Assert.Equal(files, Rows(harness.Sqlite, Files));
        Assert.Equal(counts, harness.SourceFiles.ReasonCounts());
        Assert.Equal(
            ["bad.txt", "notes.md", "warned.txt"],
            harness.SourceFiles.Files(new SourceFileQuery { ProblemsOnly = true }).Items.Select(f => f.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Upgrading_to_stored_event_anchors_and_text_reads_them_off_each_article_s_html_and_keeps_every_row()
    {
        using var harness = new IngestionHarness();
        harness.CopyRealSeed();
        harness.Write("001_0000000000000001.txt", IngestionHarness.Digest("第三点起", events: "3. **丙**：说明。\n4. **丁**：说明。"));
        harness.Write("002_0000000000000002.txt", IngestionHarness.Digest("没有要点", events: "只有一段话，~~没有~~列表。"));
        harness.Write("003_0000000000000003.txt", IngestionHarness.Digest("两个列表", events: "1. 甲\n2. 乙\n\n其他：\n\n1. 丙\n"));
        harness.Scan();
        const string Articles = "SELECT * FROM articles ORDER BY seq";
        var ingested = Rows(harness.Sqlite, Articles);
        using (var connection = harness.Sqlite.Open())
        {
            AsVersion6(connection);
            connection.Execute("PRAGMA user_version = 6");
            Assert.DoesNotContain("event_anchors", connection.ExecuteScalar<string>("SELECT sql FROM sqlite_master WHERE name = 'articles'"));
        }

        harness.Database.Migrate();

        // Every column of every row as ingestion wrote it, the two new ones computed from the stored HTML.
        Assert.Equal(ingested, Rows(harness.Sqlite, Articles));
        Assert.Equal([1, 2, 3, 4, 5, 6], harness.Articles.Get("77fc480992936622")!.EventAnchors);
        Assert.Equal([3, 4], harness.Articles.Get("0000000000000001")!.EventAnchors);
        Assert.Equal("文章讨论了以下事件： 只有一段话，没有列表。", harness.Articles.Get("0000000000000002")!.EventsText);
        Assert.Equal([1, 2, 3], harness.Articles.Get("0000000000000003")!.EventAnchors);
    }

    /// <summary>What a file of version 6 looked like: step 7 undone (articles without their stored
    /// event anchors and text). The rows stay.</summary>
    private static void AsVersion6(SqliteConnection connection) =>
        connection.Execute(
            """
            ALTER TABLE articles DROP COLUMN event_anchors;
            ALTER TABLE articles DROP COLUMN events_text;
            """);

    /// <summary>What a file of version 5 looked like: steps 7 and 6 undone (no problem kinds, no
    /// indexes for the report's order). The rows stay.</summary>
    private static void AsVersion5(SqliteConnection connection)
    {
        AsVersion6(connection);
        connection.Execute(
            """
            DROP TABLE source_file_problems;
            DROP INDEX source_files_by_time;
            DROP INDEX source_files_by_status;
            """);
    }

    /// <summary>What a file of version 4 looked like: step 5 undone (source_files without the
    /// 'unreadable' status, runs without their new columns, no unreadable_folders). The rows stay.</summary>
    private static void AsVersion4(SqliteConnection connection)
    {
        AsVersion5(connection);
        connection.Execute(
            """
            DROP TABLE unreadable_folders;
            DROP INDEX ingestion_runs_interrupted;
            ALTER TABLE ingestion_runs DROP COLUMN interrupted_at;
            ALTER TABLE ingestion_runs DROP COLUMN error;
            ALTER TABLE ingestion_runs DROP COLUMN unreadable;
            CREATE TABLE source_files_4 (
                path         TEXT PRIMARY KEY,
                size         INTEGER NOT NULL,
                mtime        TEXT NOT NULL,
                sha256       TEXT,
                status       TEXT NOT NULL CHECK (status IN ('added', 'updated', 'unchanged', 'rejected', 'removed')),
                reason       TEXT,
                line         INTEGER,
                warnings     TEXT,
                article_id   TEXT,
                duplicate_of TEXT,
                run_id       INTEGER NOT NULL,
                updated_at   TEXT NOT NULL
            );
            INSERT INTO source_files_4 SELECT * FROM source_files;
            DROP TABLE source_files;
            ALTER TABLE source_files_4 RENAME TO source_files;
            """);
    }

    /// <summary>Each row as its values joined by '|' (NULL as empty).</summary>
    private static List<string> Rows(SqliteDatabase database, string sql)
    {
        using var connection = database.Open();
        return connection.Query(sql)
            .Select(row => string.Join("|", ((IDictionary<string, object?>)row).Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))))
            .ToList();
    }

    /// <summary>Every trigram of every entry: "article trigram".</summary>
    private static List<string> GramEntries(SqliteDatabase database)
    {
        using var connection = database.Open();
        connection.Execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.grams USING fts5vocab(main, article_grams, 'instance')");
        return connection.Query<string>("SELECT doc || ' ' || term FROM temp.grams ORDER BY doc, term").ToList();
    }

    /// <summary>Every token of every entry: (article, column, position, token).</summary>
    private static List<string> SearchEntries(SqliteDatabase database)
    {
        using var connection = database.Open();
        connection.Execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.entries USING fts5vocab(main, article_search, 'instance')");
        return connection.Query<string>("SELECT doc || ' ' || col || ' ' || offset || ' ' || term FROM temp.entries ORDER BY doc, col, offset").ToList();
    }
}
