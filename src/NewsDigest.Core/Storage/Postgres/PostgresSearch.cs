using Dapper;
using Microsoft.Extensions.Logging;
using NewsDigest.Core.Search;
using Npgsql;

namespace NewsDigest.Core.Storage.Postgres;

/// <summary>
/// Searches article_search (see <see cref="PostgresTsVector"/>): words, the application's tokens
/// with positions and weights, and grams, the CJK characters and trigrams, both GIN-indexed. The
/// queries are tsquery text from <see cref="PostgresTsQuery"/>, always bound parameters.
/// </summary>
public sealed class PostgresSearch(PostgresDatabase database, ILogger<PostgresSearch> logger) : IFullTextSearch
{
    // ts_rank's weights, in the order {D, C, B, A}: body, events, tags, title (bm25's 1, 2, 6, 10 in the SQLite engine).
    private const string Weights = "'{0.1, 0.2, 0.6, 1.0}'";

    // Non-zero exactly when some token of the query is in the title or tags.
    private const string TitleTagsWeights = "'{0, 0, 1, 1}'";

    public IReadOnlyList<long> Matches(SearchQuery query)
    {
        var words = PostgresTsQuery.Words(query);
        var grams = PostgresTsQuery.Grams(query);
        if (words is null && grams is null)
        {
            return [];
        }

        var conditions = new List<string>();
        if (words is not null)
        {
            conditions.Add("words @@ @words::tsquery");
        }

        if (grams is not null)
        {
            conditions.Add("grams @@ @grams::tsquery");
        }

        try
        {
            using var connection = database.Open();
            return connection.Query<long>(
                $"SELECT seq FROM article_search WHERE {string.Join(" AND ", conditions)} ORDER BY seq",
                new { words, grams }).AsList();
        }
        catch (PostgresException e) when (IsQueryError(e))
        {
            // PostgresTsQuery quotes every lexeme, so this should not happen; if the server still
            // rejects a query, the reader gets "no match", never a 500 or the syntax error.
            logger.LogWarning(e, "Search query {Words} / {Grams} failed", words, grams);
            return [];
        }
    }

    public IReadOnlyDictionary<long, RelevanceScore> Scores(SearchQuery query, IReadOnlyList<long> seqs)
    {
        if (PostgresTsQuery.AllScoreTokens(query) is not { } all || PostgresTsQuery.AnyScoreToken(query) is not { } any || seqs.Count == 0)
        {
            return new Dictionary<long, RelevanceScore>();
        }

        try
        {
            using var connection = database.Open();
            // ts_rank is higher for a better match; RelevanceScore is lower for one.
            return connection.Query<(long Seq, double Score, double TitleTags)>(
                $"""
                SELECT seq, ts_rank({Weights}, words, @any::tsquery)::float8, ts_rank({TitleTagsWeights}, words, @any::tsquery)::float8
                FROM article_search
                WHERE seq = ANY(@seqs) AND words @@ @all::tsquery
                """,
                new { seqs = seqs.ToArray(), all, any })
                .ToDictionary(row => row.Seq, row => new RelevanceScore(-row.Score, row.TitleTags > 0));
        }
        catch (PostgresException e) when (IsQueryError(e))
        {
            logger.LogWarning(e, "Search scores for {Query} failed", any);
            return new Dictionary<long, RelevanceScore>();
        }
    }

    /// <summary>A tsquery the server will not parse (42601 syntax error, 54000 too long, 22023 bad
    /// value): a fault of the query, not of the database.</summary>
    private static bool IsQueryError(PostgresException e) => e.SqlState is "42601" or "54000" or "22023";
}
