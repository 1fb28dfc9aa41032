using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using NewsDigest.Core.Search;

namespace NewsDigest.Core.Storage.Sqlite;

/// <summary>
/// Searches the FTS5 tables (see <see cref="SearchEntries"/>): article_search, application-side
/// tokens in four weighted columns, and article_grams, the CJK characters and trigrams.
/// </summary>
public sealed class SqliteSearch(SqliteDatabase database, ILogger<SqliteSearch> logger) : IFullTextSearch
{
    /// <summary>SQLITE_ERROR: what FTS5 reports for a MATCH expression it cannot parse.</summary>
    private const int SqliteGeneralError = 1;

    // bm25 weights, in column order: title, tags, events, body.
    private const string Score = "bm25(article_search, 10.0, 6.0, 2.0, 1.0)";

    // Non-zero (negative) exactly when some token of the expression occurs in the title or tags.
    private const string TitleTagsScore = "bm25(article_search, 1.0, 1.0, 0.0, 0.0)";

    /// <summary>
    /// The articles found by the query's <see cref="Fts5Query.Words"/> in article_search that are
    /// also found by its <see cref="Fts5Query.Grams"/> in article_grams (either may be absent, not both).
    /// </summary>
    public IReadOnlyList<long> Matches(SearchQuery query)
    {
        try
        {
            using var connection = database.Open();
            return Matches(connection, query);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteGeneralError)
        {
            // Fts5Query quotes every token, so this should not happen; if FTS5 still rejects a
            // query, the reader gets "no match", never a 500 or the syntax error.
            logger.LogWarning(e, "Search query {Match} failed", Fts5Query.Match(query));
            return [];
        }
    }

    internal static IReadOnlyList<long> Matches(SqliteConnection connection, SearchQuery query)
    {
        var words = Fts5Query.Words(query) is { } w ? MatchesIn(connection, "article_search", w) : null;
        var grams = Fts5Query.Grams(query) is { } g ? MatchesIn(connection, "article_grams", g) : null;
        return words is null ? grams ?? [] : grams is null ? words : Intersect(words, grams);
    }

    public IReadOnlyDictionary<long, RelevanceScore> Scores(SearchQuery query, IReadOnlyList<long> seqs)
    {
        if (Fts5Query.Score(query) is not { } expression || seqs.Count == 0)
        {
            return new Dictionary<long, RelevanceScore>();
        }

        try
        {
            using var connection = database.Open();
            return Scores(connection, expression, seqs);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteGeneralError)
        {
            logger.LogWarning(e, "Search query {Match} failed", expression);
            return new Dictionary<long, RelevanceScore>();
        }
    }

    /// <summary>
    /// The rowids matching <paramref name="match"/> in <paramref name="table"/>, ascending. They come
    /// back as one comma-separated text rather than a row each: stepping a reader through 80,000 rows
    /// (a term in most articles at 100,000) costs 25-40 ms in Microsoft.Data.Sqlite's per-row calls,
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

    /// <summary>bm25 of these articles for <paramref name="scoreExpression"/> (<see cref="Fts5Query.Score"/>)
    /// over all columns, and whether it is non-zero over the title and tags only.</summary>
    private static Dictionary<long, RelevanceScore> Scores(SqliteConnection connection, string scoreExpression, IReadOnlyList<long> seqs) =>
        // The candidates are picked with CASE, not "AND rowid IN (…)": with IN, FTS5 evaluates the
        // MATCH once per candidate (0.4-1 s for 500 at 10,000 articles); this way it is one pass
        // over the doclists and bm25 runs for the candidates only. The expression is the query's
        // tokens ANDed, not its phrases: the candidates are known to match already, and finding
        // them without comparing positions makes this pass 3-6x cheaper for a phrase over terms in
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
            .ToDictionary(row => row.Seq, row => new RelevanceScore(row.Score, row.TitleTags < 0));
}
