using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsDigest.Core.Rendering;

namespace NewsDigest.Core.Storage.Sqlite;

/// <summary>
/// Ordered schema steps. Step N brings the file from user_version N-1 to N; a step is never
/// edited once shipped, only followed by a new one. A step is SQL, optionally followed by C#
/// in the same transaction (refilling the search index needs the application's tokeniser).
/// </summary>
internal static class Migrations
{
    private sealed record Step(string Sql, Action<SqliteConnection, SqliteTransaction>? Then = null);

    private static readonly Step[] Steps =
    [
        // 1: articles, tags, source files, runs and the full-text index.
        new("""
        CREATE TABLE articles (
            seq             INTEGER PRIMARY KEY,      -- rowid, shared with the FTS index
            id              TEXT NOT NULL UNIQUE,     -- permalink id, derived from the file name
            source_file     TEXT NOT NULL UNIQUE,     -- path relative to the seeds folder
            title           TEXT NOT NULL,
            slug            TEXT NOT NULL,
            link            TEXT,
            link_host       TEXT,
            text            TEXT NOT NULL,
            excerpt         TEXT NOT NULL,
            events_markdown TEXT NOT NULL,
            events_html     TEXT NOT NULL,            -- rendered and sanitised once, at ingestion
            event_count     INTEGER NOT NULL,
            published       TEXT,                     -- yyyy-MM-dd from the file, if any
            sort_key        TEXT NOT NULL,            -- published, else first ingested (ISO UTC)
            lang            TEXT NOT NULL,            -- zh or en, for lang attributes
            ingested_at     TEXT NOT NULL,            -- first ingested, ISO-8601 UTC
            updated_at      TEXT NOT NULL
        );
        CREATE INDEX articles_by_sort_key ON articles (sort_key DESC, seq DESC);
        CREATE INDEX articles_by_link ON articles (link);

        CREATE TABLE tags (
            id    INTEGER PRIMARY KEY,
            kind  TEXT NOT NULL CHECK (kind IN ('industry', 'technology', 'keyword')),
            value TEXT NOT NULL,                      -- first spelling seen
            norm  TEXT NOT NULL,                      -- case-folded, for matching filters
            UNIQUE (kind, norm)
        );

        CREATE TABLE article_tags (
            article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
            tag_id      INTEGER NOT NULL REFERENCES tags (id),
            position    INTEGER NOT NULL,
            PRIMARY KEY (article_seq, tag_id)
        ) WITHOUT ROWID;
        CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_seq);

        CREATE TABLE source_files (
            path         TEXT PRIMARY KEY,            -- relative to the seeds folder, '/' separated
            size         INTEGER NOT NULL,
            mtime        TEXT NOT NULL,
            sha256       TEXT,
            status       TEXT NOT NULL CHECK (status IN ('added', 'updated', 'unchanged', 'rejected', 'removed')),
            reason       TEXT,
            line         INTEGER,
            warnings     TEXT,                        -- JSON array of strings
            article_id   TEXT,
            duplicate_of TEXT,
            run_id       INTEGER NOT NULL,            -- the run that last set the status
            updated_at   TEXT NOT NULL
        );

        CREATE TABLE ingestion_runs (
            id          INTEGER PRIMARY KEY,
            started_at  TEXT NOT NULL,
            finished_at TEXT,
            added       INTEGER NOT NULL DEFAULT 0,
            updated     INTEGER NOT NULL DEFAULT 0,
            unchanged   INTEGER NOT NULL DEFAULT 0,
            removed     INTEGER NOT NULL DEFAULT 0,
            rejected    INTEGER NOT NULL DEFAULT 0
        );

        -- Application-side tokens (CJK bigrams, lower-cased words) over the unicode61 tokenizer;
        -- contentless because the text already lives in articles; prefix='1' makes one-character
        -- Chinese queries a prefix lookup on the bigrams.
        CREATE VIRTUAL TABLE article_search USING fts5 (
            title, tags, events, body,
            content = '', contentless_delete = 1,
            tokenize = 'unicode61 remove_diacritics 2', prefix = '1'
        );
        """),

        // 2: story clusters (issue 8): articles about the same story, recomputed after each scan
        // that changed articles. Only articles in a story of two or more have a row.
        new("""
        CREATE TABLE story_clusters (
            article_seq INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
            cluster_id  INTEGER NOT NULL              -- the smallest seq of the story's articles
        );
        CREATE INDEX story_clusters_by_cluster ON story_clusters (cluster_id, article_seq);

        -- What clustering reads of every article, so that read is an index scan: published comes
        -- after the long text in the row, and reaching it walks each article's overflow pages
        -- (about 5x slower at 10,000 articles).
        CREATE INDEX articles_story_inputs ON articles (seq, title, link, published);
        """),

        // 3: the search index takes the 'ascii' tokenizer. Our tokens are already split, folded
        // and lower-cased, so FTS5 only has to split on spaces; unicode61 looked up the category
        // of every character again and made indexing about a third slower (docs/benchmarks.md).
        // Diacritics are folded by SearchTextAnalyzer. The entries are rebuilt from articles.
        // hashsize: FTS5 holds up to this much of a transaction's new tokens in memory before it
        // writes them out as a segment (default 1 MB), so an ingestion batch makes one segment,
        // not dozens to merge later; a 10,000-file ingest spent a fifth of its time on that.
        new("""
            DROP TABLE article_search;
            CREATE VIRTUAL TABLE article_search USING fts5 (
                title, tags, events, body,
                content = '', contentless_delete = 1,
                tokenize = 'ascii', prefix = '1'
            );
            INSERT INTO article_search (article_search, rank) VALUES ('hashsize', 33554432);
            """,
            SearchEntries.RebuildWords),

        // 4: Chinese lookups move to their own table, article_grams: the distinct characters and
        // three-character stretches of each article's CJK runs (SearchDocument.Grams), without
        // positions. A CJK term of three or more characters is looked up there: as a phrase of
        // bigrams (大模型 = "大模 模型") FTS5 compared the positions of two tokens most articles hold
        // many times, 130-250 ms at 100,000 articles; there it is one short doclist. A one-character
        // term (医) is too, so article_search loses its prefix index, which served only that and
        // was a third of the index and of its insert time (docs/benchmarks.md).
        new(
            """
            DROP TABLE article_search;
            CREATE VIRTUAL TABLE article_search USING fts5 (
                title, tags, events, body,
                content = '', contentless_delete = 1,
                tokenize = 'ascii'
            );
            INSERT INTO article_search (article_search, rank) VALUES ('hashsize', 33554432);
            CREATE VIRTUAL TABLE article_grams USING fts5 (
                grams,
                content = '', contentless_delete = 1, detail = none, tokenize = 'ascii'
            );
            INSERT INTO article_grams (article_grams, rank) VALUES ('hashsize', 33554432);
            """,
            SearchEntries.Rebuild),

        // 5: ingestion faults are visible (issue 14). A file that cannot be read, or whose folder
        // cannot be listed, is 'unreadable' and keeps its article; SQLite cannot change a CHECK
        // constraint, so source_files is rebuilt with every row. A run says why it failed (error,
        // with finished_at) or when it was found cut off by a crash, kill or cancellation
        // (interrupted_at, finished_at stays NULL), and counts its unreadable files. Folders that
        // cannot be listed are kept apart: an editor must see one even when no file is known in it.
        new(
            """
            CREATE TABLE source_files_5 (
                path         TEXT PRIMARY KEY,            -- relative to the seeds folder, '/' separated
                size         INTEGER NOT NULL,
                mtime        TEXT NOT NULL,
                sha256       TEXT,
                status       TEXT NOT NULL CHECK (status IN ('added', 'updated', 'unchanged', 'rejected', 'removed', 'unreadable')),
                reason       TEXT,
                line         INTEGER,
                warnings     TEXT,                        -- JSON array of strings
                article_id   TEXT,
                duplicate_of TEXT,
                run_id       INTEGER NOT NULL,            -- the run that last set the status
                updated_at   TEXT NOT NULL
            );
            INSERT INTO source_files_5 (path, size, mtime, sha256, status, reason, line, warnings,
                                        article_id, duplicate_of, run_id, updated_at)
            SELECT path, size, mtime, sha256, status, reason, line, warnings,
                   article_id, duplicate_of, run_id, updated_at
            FROM source_files;
            DROP TABLE source_files;
            ALTER TABLE source_files_5 RENAME TO source_files;

            ALTER TABLE ingestion_runs ADD COLUMN unreadable INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE ingestion_runs ADD COLUMN error TEXT;
            ALTER TABLE ingestion_runs ADD COLUMN interrupted_at TEXT;
            CREATE INDEX ingestion_runs_interrupted ON ingestion_runs (id) WHERE interrupted_at IS NOT NULL;

            CREATE TABLE unreadable_folders (
                path   TEXT PRIMARY KEY,                  -- relative to the seeds folder, '/' separated
                reason TEXT NOT NULL,
                since  TEXT NOT NULL                      -- first found unreadable, ISO-8601 UTC
            );
            """),

        // 6: the ingestion report pages at scale (issue 15). Each kind of problem a file has
        // (ReasonKinds: its reason's, or each of its warnings') is a row, so the report counts and
        // filters by kind from an index instead of reading every file; the files' newest-first
        // order (with or without a status) is an index walk too. Every existing file keeps its
        // row; the kinds of the files already known are computed from their stored reasons.
        new(
            """
            CREATE TABLE source_file_problems (
                kind       TEXT NOT NULL,                 -- ReasonKinds slug, e.g. no-title
                updated_at TEXT NOT NULL,                 -- the file's updated_at: newest first within a kind
                path       TEXT NOT NULL,
                PRIMARY KEY (kind, updated_at, path)
            ) WITHOUT ROWID;
            CREATE INDEX source_file_problems_by_path ON source_file_problems (path);
            CREATE INDEX source_files_by_time ON source_files (updated_at, path);
            CREATE INDEX source_files_by_status ON source_files (status, updated_at, path);
            """,
            SqliteSourceFiles.FillProblems),

        // 7: what the article page derives from the rendered events is stored with the article
        // (issue 16), so no request parses HTML: the numbers of the points' anchors, to label their
        // links in the reader's language, and the summary as plain text, for the share description.
        // Ingestion writes them from the renderer's DOM; rows already there get them from their
        // stored events HTML, read once here. Nothing else in a row changes.
        new(
            """
            ALTER TABLE articles ADD COLUMN event_anchors TEXT NOT NULL DEFAULT '[]'; -- JSON array of N, for id event-N
            ALTER TABLE articles ADD COLUMN events_text TEXT NOT NULL DEFAULT '';     -- without the point links
            """,
            FillEventAnchorsAndText),
    ];

    public static int Latest => Steps.Length;

    public static void Apply(SqliteConnection connection) => Apply(connection, Steps.Length);

    /// <summary>Migrates up to <paramref name="version"/> only: tests upgrade files of older versions.</summary>
    internal static void Apply(SqliteConnection connection, int version)
    {
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }

        var current = CurrentVersion(connection);
        if (current > Steps.Length)
        {
            throw new InvalidOperationException(
                $"The database schema is version {current}, newer than this build knows ({Steps.Length}).");
        }

        for (var step = current; step < version; step++)
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = Steps[step].Sql + $"\nPRAGMA user_version = {step + 1};";
                command.ExecuteNonQuery();
            }

            Steps[step].Then?.Invoke(connection, transaction);
            transaction.Commit();
        }
    }

    /// <summary>Step 7 for the rows already stored, a batch of articles at a time (a whole table
    /// of events HTML at once would be hundreds of megabytes at 100,000 articles).</summary>
    private static void FillEventAnchorsAndText(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT seq, events_html FROM articles WHERE seq > $after ORDER BY seq LIMIT 1000";
        var after = read.Parameters.Add("$after", SqliteType.Integer);
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = "UPDATE articles SET event_anchors = $anchors, events_text = $text WHERE seq = $seq";
        var anchors = update.Parameters.Add("$anchors", SqliteType.Text);
        var text = update.Parameters.Add("$text", SqliteType.Text);
        var seq = update.Parameters.Add("$seq", SqliteType.Integer);
        for (long last = 0; ;)
        {
            after.Value = last;
            var rows = new List<(long Seq, string Html)>();
            using (var reader = read.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows.Add((reader.GetInt64(0), reader.GetString(1)));
                }
            }

            if (rows.Count == 0)
            {
                return;
            }

            // Parsing is the cost; the writes stay on this connection, in order.
            foreach (var (row, events) in rows.AsParallel().AsOrdered().Select(r => (r.Seq, RenderedEvents.Read(r.Html))))
            {
                anchors.Value = JsonSerializer.Serialize(events.Anchors);
                text.Value = events.Text;
                seq.Value = row;
                update.ExecuteNonQuery();
            }

            last = rows[^1].Seq;
        }
    }

    public static int CurrentVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar());
    }
}
