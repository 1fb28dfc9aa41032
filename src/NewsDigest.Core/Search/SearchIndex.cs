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

    /// <summary>Seqs of every article matching <paramref name="match"/> (an FTS5 expression from <see cref="SearchQuery"/>).</summary>
    public IReadOnlyList<long> Matches(SqliteConnection connection, string match)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM article_search WHERE article_search MATCH $match";
        command.Parameters.AddWithValue("$match", match);
        using var reader = command.ExecuteReader();
        var seqs = new List<long>();
        while (reader.Read())
        {
            seqs.Add(reader.GetInt64(0));
        }

        return seqs;
    }

    /// <summary>
    /// Seqs of one page of a search in relevance order: bm25 (title and tags weigh most) over the
    /// first <see cref="RankedCandidates"/> of <paramref name="newestFirst"/>, those with every term
    /// in the title or tags first, ties newest first;
    /// matches past the bound follow newest first. So no query pays for scoring every match of a
    /// common term, and a page past the bound costs no scoring at all.
    /// </summary>
    public IReadOnlyList<long> RankedPage(
        SqliteConnection connection, string match, IReadOnlyList<long> newestFirst, int offset, int limit)
    {
        var candidates = newestFirst.Take(RankedCandidates).ToList();
        if (offset >= candidates.Count)
        {
            return [.. newestFirst.Skip(offset).Take(limit)];
        }

        var seqs = JsonSerializer.Serialize(candidates);
        var scores = connection.Query<(long Seq, double Score)>(
            $"""
            SELECT rowid, {Score}
            FROM article_search
            WHERE article_search MATCH @match
              AND rowid IN (SELECT value FROM json_each(@seqs))
            """,
            new { match, seqs })
            .ToDictionary(r => r.Seq, r => r.Score);

        // bm25 saturates and normalises by the whole document's length, so a tag match in a long
        // article could lose to a body match in a short one: candidates with every term in the
        // title or tags come first, whatever the weights.
        var inTitleOrTags = connection.Query<long>(
            """
            SELECT rowid
            FROM article_search
            WHERE article_search MATCH @fielded
              AND rowid IN (SELECT value FROM json_each(@seqs))
            """,
            new { fielded = "{title tags} : (" + match + ")", seqs })
            .ToHashSet();

        // OrderBy is stable: equal keys keep the newest-first order.
        return [.. candidates
            .OrderBy(seq => !inTitleOrTags.Contains(seq))
            .ThenBy(seq => scores.GetValueOrDefault(seq, 0))
            .Concat(newestFirst.Skip(candidates.Count))
            .Skip(offset)
            .Take(limit)];
    }
}
