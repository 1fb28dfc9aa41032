using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace NewsDigest.Core.Search;

/// <summary>
/// All SQL over the FTS5 table article_search. The table holds application-side tokens
/// (<see cref="SearchTextAnalyzer"/>), keyed by articles.seq, and no text of its own.
/// </summary>
public sealed class SearchIndex
{
    /// <summary>Ranking only the newest matches bounds the cost of bm25 for very common terms;
    /// the rest of a large result follows newest first.</summary>
    public const int RankedCandidates = 500;

    // bm25 weights, in column order: title, tags, events, body.
    private const string Score = "bm25(article_search, 10.0, 6.0, 2.0, 1.0)";

    // Non-zero (negative) exactly when some token of the expression occurs in the title or tags.
    private const string TitleTagsScore = "bm25(article_search, 1.0, 1.0, 0.0, 0.0)";

    /// <summary>
    /// Writes the entries of these articles: first the deletes of the old entries of articles that
    /// had one (<c>Existing</c>; a new article's seq has none, and a delete still costs FTS5 a
    /// lookup), then all inserts. FTS5 keeps a
    /// transaction's new tokens in memory, but flushes them to a new segment whenever another
    /// statement of the transaction opens a statement savepoint (an upsert, a multi-row insert, a
    /// delete). Written one article at a time between the articles' other writes, every article
    /// became a segment to merge later, which cost a large ingest most of its time; written
    /// together at the end of a batch they make one.
    /// </summary>
    public void Replace(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<(long Seq, SearchDocument Document, bool Existing)> entries)
    {
        foreach (var (seq, _, _) in entries.Where(e => e.Existing))
        {
            Remove(connection, transaction, seq);
        }

        // All of one table, then all of the other, not an article at a time: as above, a statement
        // in between can make FTS5 write out what it holds as a segment of its own.
        InsertWords(connection, transaction, entries.Select(e => (e.Seq, e.Document)));
        InsertGrams(connection, transaction, entries.Select(e => (e.Seq, e.Document)));
    }

    /// <summary>
    /// Writes every article's entry in article_search from what <c>articles</c> and <c>tags</c>
    /// hold, into an empty table: for a migration that changes how the table tokenises.
    /// </summary>
    internal static void RebuildWords(SqliteConnection connection, SqliteTransaction transaction) =>
        Refill(connection, transaction, InsertWords);

    /// <summary>Writes every article's entries in both tables, into empty tables: for a migration that
    /// changes how they tokenise.</summary>
    internal static void Rebuild(SqliteConnection connection, SqliteTransaction transaction) =>
        Refill(connection, transaction, (c, t, entries) =>
        {
            var list = entries.ToList();
            InsertWords(c, t, list);
            InsertGrams(c, t, list);
        });

    /// <summary>
    /// Tokenises every article from what <c>articles</c> and <c>tags</c> hold and hands the
    /// entries to <paramref name="insert"/>. Tokenising runs on every core, a chunk of articles at
    /// a time, so memory stays flat however many articles there are.
    /// </summary>
    private static void Refill(
        SqliteConnection connection, SqliteTransaction transaction,
        Action<SqliteConnection, SqliteTransaction, IEnumerable<(long Seq, SearchDocument Document)>> insert)
    {
        // The tags in the order SearchDocument.For joins them: industries, technologies, keywords,
        // each kind in the file's order.
        var articles = connection.Query<(long Seq, string Title, string EventsMarkdown, string Text, string? Tags)>(
            """
            SELECT a.seq, a.title, a.events_markdown, a.text,
                   (SELECT group_concat(t.value, ' ' ORDER BY
                               CASE t.kind WHEN 'industry' THEN 0 WHEN 'technology' THEN 1 ELSE 2 END, l.position)
                    FROM article_tags l JOIN tags t ON t.id = l.tag_id
                    WHERE l.article_seq = a.seq) AS tags
            FROM articles a
            ORDER BY a.seq
            """,
            transaction: transaction,
            buffered: false);
        foreach (var chunk in articles.Chunk(256))
        {
            var documents = new SearchDocument[chunk.Length];
            Parallel.For(0, chunk.Length, i =>
                documents[i] = SearchDocument.For(chunk[i].Title, chunk[i].Tags ?? "", chunk[i].EventsMarkdown, chunk[i].Text));
            insert(connection, transaction, chunk.Select((article, i) => (article.Seq, documents[i])));
        }
    }

    /// <summary>One statement, compiled once, for all the entries' article_search rows.</summary>
    private static void InsertWords(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<(long Seq, SearchDocument Document)> entries)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            """
            INSERT INTO article_search (rowid, title, tags, events, body)
            VALUES ($seq, $title, $tags, $events, $body)
            """;
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var tags = insert.Parameters.Add("$tags", SqliteType.Text);
        var events = insert.Parameters.Add("$events", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        foreach (var entry in entries)
        {
            seq.Value = entry.Seq;
            title.Value = entry.Document.Title;
            tags.Value = entry.Document.Tags;
            events.Value = entry.Document.Events;
            body.Value = entry.Document.Body;
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>One statement, compiled once, for all the entries' article_grams rows.</summary>
    private static void InsertGrams(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<(long Seq, SearchDocument Document)> entries)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO article_grams (rowid, grams) VALUES ($seq, $grams)";
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var grams = insert.Parameters.Add("$grams", SqliteType.Text);
        foreach (var entry in entries)
        {
            seq.Value = entry.Seq;
            grams.Value = entry.Document.Grams;
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>Removes an article's entries from both tables.</summary>
    public void Remove(SqliteConnection connection, SqliteTransaction transaction, long seq) =>
        connection.Execute(
            """
            DELETE FROM article_search WHERE rowid = @seq;
            DELETE FROM article_grams WHERE rowid = @seq;
            """,
            new { seq },
            transaction);

    /// <summary>
    /// Seqs of every article matching <paramref name="query"/>, ascending: the articles found by
    /// its <see cref="SearchQuery.WordsExpression"/> in article_search that are also found by its
    /// <see cref="SearchQuery.GramsExpression"/> in article_grams (either may be absent, not both).
    /// </summary>
    public IReadOnlyList<long> Matches(SqliteConnection connection, SearchQuery query)
    {
        var words = query.WordsExpression is null ? null : MatchesIn(connection, "article_search", query.WordsExpression);
        var grams = query.GramsExpression is null ? null : MatchesIn(connection, "article_grams", query.GramsExpression);
        return words is null ? grams ?? [] : grams is null ? words : Intersect(words, grams);
    }

    /// <summary>
    /// The rowids matching <paramref name="match"/> in <paramref name="table"/>, ascending. They come
    /// back as one comma-separated text rather than a row each: stepping a reader through 80,000 rows
    /// (a term in most articles at 100,000) cost 25-40 ms in Microsoft.Data.Sqlite's per-row calls,
    /// several times FTS5's own work; one string parses in about a millisecond.
    /// </summary>
    private static List<long> MatchesIn(SqliteConnection connection, string table, string match)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT group_concat(rowid, ',') FROM {table} WHERE {table} MATCH $match";
        command.Parameters.AddWithValue("$match", match);
        var text = command.ExecuteScalar() as string ?? "";
        var seqs = new List<long>(text.Length / 4);
        foreach (var range in text.AsSpan().Split(','))
        {
            if (!text.AsSpan(range).IsEmpty)
            {
                seqs.Add(long.Parse(text.AsSpan(range), CultureInfo.InvariantCulture));
            }
        }

        // FTS5 returns rowids in ascending order; the intersection below relies on it, so make sure.
        for (var i = 1; i < seqs.Count; i++)
        {
            if (seqs[i] < seqs[i - 1])
            {
                seqs.Sort();
                break;
            }
        }

        return seqs;
    }

    /// <summary>The seqs in both ascending lists, ascending.</summary>
    private static List<long> Intersect(List<long> first, List<long> second)
    {
        var both = new List<long>(Math.Min(first.Count, second.Count));
        for (int i = 0, j = 0; i < first.Count && j < second.Count;)
        {
            if (first[i] < second[j])
            {
                i++;
            }
            else if (first[i] > second[j])
            {
                j++;
            }
            else
            {
                both.Add(first[i]);
                i++;
                j++;
            }
        }

        return both;
    }

    /// <summary>
    /// Seqs of one page of a search in relevance order. Only the first <see cref="RankedCandidates"/>
    /// of <paramref name="newestFirst"/> are scored: those with a term in the title or tags first,
    /// then by bm25 (title and tags weigh most), ties newest first. Matches past the bound follow
    /// newest first, so no query pays for scoring every match of a common term, and a page past the
    /// bound costs no scoring at all. Candidates already in <paramref name="scores"/> are not scored
    /// again; the others are added to it.
    /// </summary>
    /// <remarks>
    /// The title-or-tags tier exists because bm25 normalises by the whole document's length and
    /// saturates, so weights alone let a short article's body match beat a long article's tag.
    /// A query term of several tokens (大模型 = 大模 模型) is in a title only if its tokens stand
    /// together there, which the scoring pass does not check: <paramref name="termsInTitleOrTags"/>
    /// decides for the candidates whose title or tags hold its tokens somewhere.
    /// <para>
    /// When the search matched more than half of all articles (<paramref name="matchesMostArticles"/>),
    /// every one of its tokens is in more than half of them, and bm25 gives such a token no weight:
    /// its IDF, log((N - n + 0.5) / (n + 0.5)), is below zero, which FTS5 raises to 1e-6. What is
    /// left of the score is how often each article repeats a word most articles use, and computing
    /// it costs FTS5 a pass over each token's whole doclist (12-14 ms for 人工智能 at 10,000
    /// articles). Such a search is ordered by the title-or-tags tier alone, checked here in C#
    /// (within it, more of the query's terms there first), and then newest first, which is what a
    /// reader of the news wants from "everything about AI".
    /// A search of single Chinese characters only (医) is ordered the same way: it has no token to
    /// weigh (<see cref="SearchQuery.ScoreExpression"/>).
    /// </para>
    /// </remarks>
    public IReadOnlyList<long> RankedPage(
        SqliteConnection connection, SearchQuery query, IEnumerable<long> newestFirst, int offset, int limit,
        bool matchesMostArticles, ConcurrentDictionary<long, SearchScore> scores,
        Func<IReadOnlyList<long>, IReadOnlyDictionary<long, int>> termsInTitleOrTags)
    {
        var candidates = newestFirst.Take(RankedCandidates).ToList();
        if (offset >= candidates.Count)
        {
            return [.. newestFirst.Skip(offset).Take(limit)];
        }

        var unscored = candidates.Where(seq => !scores.ContainsKey(seq)).ToList();
        if (unscored.Count == 0)
        {
            // All scored by an earlier page or view of this search.
        }
        else if (matchesMostArticles || query.ScoreExpression is null)
        {
            // Within the tier, more of the query's terms in the title or tags first.
            var found = termsInTitleOrTags(unscored);
            foreach (var seq in unscored)
            {
                var terms = found.GetValueOrDefault(seq);
                scores[seq] = new SearchScore(-terms, terms > 0);
            }
        }
        else
        {
            var scored = Scores(connection, query.ScoreExpression, unscored);
            var tokensInTitleOrTags = scored.Where(s => s.Value.TitleTags < 0).Select(s => s.Key).ToList();
            var first = query.HasMultiTokenTerms && tokensInTitleOrTags.Count > 0
                ? termsInTitleOrTags(tokensInTitleOrTags).Keys.ToHashSet()
                : tokensInTitleOrTags.ToHashSet();
            foreach (var seq in unscored)
            {
                // A candidate the index no longer matches (changed since the match list was read) ranks last.
                scores[seq] = new SearchScore(scored.GetValueOrDefault(seq).Score, first.Contains(seq));
            }
        }

        // OrderBy is stable: equal keys keep the newest-first order.
        return [.. candidates
            .OrderBy(seq => scores[seq].InTitleOrTags ? 0 : 1)
            .ThenBy(seq => scores[seq].Score)
            .Concat(newestFirst.Skip(candidates.Count))
            .Skip(offset)
            .Take(limit)];
    }

    /// <summary>bm25 of these articles for <paramref name="scoreExpression"/> (<see cref="SearchQuery.ScoreExpression"/>),
    /// over all columns and over the title and tags only.</summary>
    private static Dictionary<long, (double Score, double TitleTags)> Scores(SqliteConnection connection, string scoreExpression, List<long> seqs) =>
        // The candidates are picked with CASE, not "AND rowid IN (…)": with IN, FTS5 evaluates the
        // MATCH once per candidate (0.4-1 s for 500 at 10,000 articles); this way it is one pass
        // over the doclists and bm25 runs for the candidates only. The expression is the query's
        // tokens ANDed, not its phrases: the candidates are known to match already, and finding
        // them without comparing positions made this pass 3-6x cheaper for a phrase over terms in
        // most articles (大模型). The rowid range lets FTS5 skip the rest of each doclist: the
        // newest articles are mostly the last ingested, so the candidates' seqs lie close together.
        connection.Query<(long Seq, double Score, double TitleTags)>(
            $"""
            SELECT seq, score, title_tags FROM (
                SELECT rowid AS seq,
                       CASE WHEN rowid IN (SELECT value FROM json_each(@seqs)) THEN {Score} END AS score,
                       CASE WHEN rowid IN (SELECT value FROM json_each(@seqs)) THEN {TitleTagsScore} END AS title_tags
                FROM article_search
                WHERE article_search MATCH @scoreExpression AND rowid BETWEEN @first AND @last)
            WHERE score IS NOT NULL
            """,
            new { scoreExpression, seqs = JsonSerializer.Serialize(seqs), first = seqs.Min(), last = seqs.Max() })
            .ToDictionary(row => row.Seq, row => (row.Score, row.TitleTags));
}
