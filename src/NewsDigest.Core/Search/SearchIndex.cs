using Dapper;
using Microsoft.Data.Sqlite;
using NewsDigest.Core.Storage;

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

    /// <summary>Seqs of articles matching @match; to be used inside an IN (…).</summary>
    public const string MatchingSeqs = "SELECT rowid FROM article_search WHERE article_search MATCH @match";

    // bm25 weights, in column order: title, tags, events, body.
    private const string Score = "bm25(article_search, 10.0, 6.0, 2.0, 1.0)";

    public void Replace(SqliteConnection connection, SqliteTransaction transaction, long seq, SearchDocument document)
    {
        Remove(connection, transaction, seq);
        connection.Execute(
            """
            INSERT INTO article_search (rowid, title, tags, events, body)
            VALUES (@seq, @title, @tags, @events, @body)
            """,
            new { seq, title = document.Title, tags = document.Tags, events = document.Events, body = document.Body },
            transaction);
    }

    public void Remove(SqliteConnection connection, SqliteTransaction transaction, long seq) =>
        connection.Execute("DELETE FROM article_search WHERE rowid = @seq", new { seq }, transaction);

    /// <summary>
    /// One page of a search in relevance order: bm25 over the newest <see cref="RankedCandidates"/>
    /// matches (title and tags weigh most), ties newest first; matches past the bound follow
    /// newest first. <paramref name="where"/> must already contain the MATCH condition.
    /// </summary>
    public IReadOnlyList<ArticleListItem> RankedPage(
        SqliteConnection connection, string columns, string where, DynamicParameters parameters)
    {
        parameters.Add("ranked", RankedCandidates);
        return connection.Query<ArticleListItem>(
            $"""
            WITH candidates AS (
                SELECT a.seq, ROW_NUMBER() OVER (ORDER BY a.sort_key DESC, a.seq DESC) AS pos
                FROM articles a
                WHERE {where}
            ),
            scored AS (
                SELECT rowid AS seq, {Score} AS score
                FROM article_search
                WHERE article_search MATCH @match
                  AND rowid IN (SELECT seq FROM candidates WHERE pos <= @ranked)
            )
            SELECT {columns}
            FROM candidates c
            JOIN articles a ON a.seq = c.seq
            LEFT JOIN scored s ON s.seq = c.seq
            ORDER BY c.pos > @ranked, s.score, c.pos
            LIMIT @limit OFFSET @offset
            """,
            parameters).AsList();
    }
}
