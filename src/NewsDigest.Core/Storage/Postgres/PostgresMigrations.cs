using Npgsql;

namespace NewsDigest.Core.Storage.Postgres;

/// <summary>
/// Ordered schema steps, as in the SQLite engine: step N brings the database from version N-1 to
/// N, recorded in schema_version; each step runs in its own transaction; a step is never edited
/// once shipped, only followed by a new one. Times are ISO-8601 UTC text (Timestamps), compared
/// and ordered byte-wise (COLLATE "C") like SQLite, whatever the server's locale.
/// </summary>
internal static class PostgresMigrations
{
    // Any fixed number: the migrating process holds it, so several nodes starting at once migrate
    // one after the other, and the later ones find nothing left to do.
    private const long MigrationLock = 0x4E657773_44696701;

    private static readonly string[] Steps =
    [
        // 1: articles, tags, source files and their problems, runs, unreadable folders, story
        // clusters and the search entries: the SQLite engine's schema at its version 7.
        """
        CREATE TABLE articles (
            seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id              text NOT NULL UNIQUE,         -- permalink id, derived from the file name
            source_file     text NOT NULL UNIQUE,         -- path relative to the seeds folder
            title           text NOT NULL,
            slug            text NOT NULL,
            link            text,
            link_host       text,
            text            text NOT NULL,
            excerpt         text NOT NULL,
            events_markdown text NOT NULL,
            events_html     text NOT NULL,                -- rendered and sanitised once, at ingestion
            event_count     integer NOT NULL,
            event_anchors   text NOT NULL DEFAULT '[]',   -- JSON array of N, for id event-N
            events_text     text NOT NULL DEFAULT '',     -- without the point links
            published       text,                         -- yyyy-MM-dd from the file, if any
            sort_key        text COLLATE "C" NOT NULL,    -- published, else first ingested (ISO UTC)
            lang            text NOT NULL,                -- zh or en, for lang attributes
            ingested_at     text COLLATE "C" NOT NULL,    -- first ingested, ISO-8601 UTC
            updated_at      text COLLATE "C" NOT NULL
        );
        CREATE INDEX articles_by_sort_key ON articles (sort_key DESC, seq DESC);
        CREATE INDEX articles_by_link ON articles (link);

        CREATE TABLE tags (
            id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            kind  text NOT NULL CHECK (kind IN ('industry', 'technology', 'keyword')),
            value text NOT NULL,                          -- first spelling seen
            norm  text COLLATE "C" NOT NULL,              -- case-folded, for matching filters
            UNIQUE (kind, norm)
        );

        CREATE TABLE article_tags (
            article_seq bigint NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
            tag_id      bigint NOT NULL REFERENCES tags (id),
            position    integer NOT NULL,
            PRIMARY KEY (article_seq, tag_id)
        );
        CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_seq);

        CREATE TABLE source_files (
            path         text COLLATE "C" PRIMARY KEY,    -- relative to the seeds folder, '/' separated
            size         bigint NOT NULL,
            mtime        text NOT NULL,
            sha256       text,
            status       text NOT NULL CHECK (status IN ('added', 'updated', 'unchanged', 'rejected', 'removed', 'unreadable')),
            reason       text,
            line         integer,
            warnings     text,                            -- JSON array of strings
            article_id   text,
            duplicate_of text,
            run_id       bigint NOT NULL,                 -- the run that last set the status
            updated_at   text COLLATE "C" NOT NULL
        );
        CREATE INDEX source_files_by_time ON source_files (updated_at, path);
        CREATE INDEX source_files_by_status ON source_files (status, updated_at, path);

        CREATE TABLE source_file_problems (
            kind       text COLLATE "C" NOT NULL,         -- ReasonKinds slug, e.g. no-title
            updated_at text COLLATE "C" NOT NULL,         -- the file's updated_at: newest first within a kind
            path       text COLLATE "C" NOT NULL,
            PRIMARY KEY (kind, updated_at, path)
        );
        CREATE INDEX source_file_problems_by_path ON source_file_problems (path);

        CREATE TABLE ingestion_runs (
            id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            started_at     text COLLATE "C" NOT NULL,
            finished_at    text COLLATE "C",
            added          integer NOT NULL DEFAULT 0,
            updated        integer NOT NULL DEFAULT 0,
            unchanged      integer NOT NULL DEFAULT 0,
            removed        integer NOT NULL DEFAULT 0,
            rejected       integer NOT NULL DEFAULT 0,
            unreadable     integer NOT NULL DEFAULT 0,
            error          text,
            interrupted_at text COLLATE "C"
        );
        CREATE INDEX ingestion_runs_interrupted ON ingestion_runs (id) WHERE interrupted_at IS NOT NULL;

        CREATE TABLE unreadable_folders (
            path   text COLLATE "C" PRIMARY KEY,          -- relative to the seeds folder, '/' separated
            reason text NOT NULL,
            since  text NOT NULL                          -- first found unreadable, ISO-8601 UTC
        );

        CREATE TABLE story_clusters (
            article_seq bigint PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
            cluster_id  bigint NOT NULL                   -- the smallest seq of the story's articles
        );
        CREATE INDEX story_clusters_by_cluster ON story_clusters (cluster_id, article_seq);

        -- The application's own tokens (SearchTextAnalyzer), not the server's parser, which keeps
        -- a whole Chinese run as one lexeme: words holds the tokens of title, tags, events and
        -- body with positions and weights A, B, C, D; grams the distinct CJK characters and
        -- trigrams (SearchDocument.Grams), without positions. Built by PostgresTsVector.
        CREATE TABLE article_search (
            seq   bigint PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
            words tsvector NOT NULL,
            grams tsvector NOT NULL
        );
        CREATE INDEX article_search_words ON article_search USING gin (words);
        CREATE INDEX article_search_grams ON article_search USING gin (grams);
        """,

        // 2: the data version, moved forward in the transaction of every batch that changes
        // articles, so that every node can tell whether it has seen the latest (PostgresChangeListener).
        """
        CREATE TABLE data_version (
            id      smallint PRIMARY KEY CHECK (id = 1),
            version bigint NOT NULL
        );
        INSERT INTO data_version (id, version) VALUES (1, 0);
        """,
    ];

    public static int Latest => Steps.Length;

    public static void Apply(NpgsqlConnection connection) => Apply(connection, Steps.Length);

    /// <summary>Migrates up to <paramref name="version"/> only: tests upgrade databases of older versions.</summary>
    internal static void Apply(NpgsqlConnection connection, int version)
    {
        while (true)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})");
            Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL, applied_at text NOT NULL)");
            var current = CurrentVersion(connection, transaction);
            if (current > Steps.Length)
            {
                throw new InvalidOperationException(
                    $"The database schema is version {current}, newer than this build knows ({Steps.Length}).");
            }

            if (current >= version)
            {
                return;
            }

            Execute(connection, transaction, Steps[current]);
            Execute(connection, transaction, "DELETE FROM schema_version");
            using (var record = new NpgsqlCommand("INSERT INTO schema_version (version, applied_at) VALUES (@version, @now)", connection, transaction))
            {
                record.Parameters.AddWithValue("version", current + 1);
                record.Parameters.AddWithValue("now", Timestamps.Format(DateTime.UtcNow));
                record.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>The schema's version; 0 for an empty database.</summary>
    public static int CurrentVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NOT NULL", connection, transaction))
        {
            if (exists.ExecuteScalar() is not true)
            {
                return 0;
            }
        }

        using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection, transaction);
        return Convert.ToInt32(command.ExecuteScalar());
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
