using System.Data;
using System.Globalization;
using Dapper;
using NewsDigest.Core.Clustering;
using Npgsql;

namespace NewsDigest.Core.Storage.Postgres;

/// <summary>
/// SQL over story_clusters: which articles cover the same story (see <see cref="StoryClusterer"/>
/// for the rule). Ingestion refreshes the clusters at the end of a scan; pages read them per
/// request with one indexed query.
/// </summary>
public sealed class PostgresStoryClusters(PostgresDatabase database, DataChanges changes) : IStoryClusters
{
    private const string MemberColumns = """
        c.cluster_id AS ClusterId, a.seq AS Seq, a.id AS Id, a.title AS Title, a.slug AS Slug,
        a.link AS Link, a.link_host AS LinkHost, substr(a.sort_key, 1, 10) AS Date,
        a.lang AS Language, a.source_file AS SourceFile
        """;

    /// <summary>Set once this process has computed the clusters: from then on only a scan that
    /// changed articles can make them stale. The first scan of every process recomputes, so a
    /// database restored from a backup gets its clusters too.</summary>
    private volatile bool _current;

    private volatile StoryOrder? _order;

    public bool Refresh(bool articlesChanged)
    {
        if (!articlesChanged && _current)
        {
            return false;
        }

        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var rows = Compute(connection, transaction);
        var stored = connection.Query<(long Seq, long ClusterId)>(
            "SELECT article_seq, cluster_id FROM story_clusters ORDER BY article_seq", transaction: transaction).AsList();
        var changed = !stored.SequenceEqual(rows);
        if (changed)
        {
            connection.Execute(
                """
                DELETE FROM story_clusters;
                INSERT INTO story_clusters (article_seq, cluster_id) SELECT * FROM unnest(@seqs, @clusters);
                """,
                new { seqs = rows.Select(r => r.Seq).ToArray(), clusters = rows.Select(r => r.ClusterId).ToArray() },
                transaction);
        }

        transaction.Commit();
        _current = true;
        return changed;
    }

    /// <summary>(article seq, cluster id) for every article in a story of two or more, by seq.</summary>
    private static List<(long Seq, long ClusterId)> Compute(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var tags = connection.Query<(long Seq, string Norm)>(
            "SELECT at.article_seq, t.norm FROM article_tags at JOIN tags t ON t.id = at.tag_id",
            transaction: transaction)
            .ToLookup(t => t.Seq, t => t.Norm);
        var articles = connection.Query<(long Seq, string Title, string? Link, string? Published)>(
            "SELECT seq, title, link, published FROM articles", transaction: transaction)
            .Select(a => new StoryArticle(
                a.Seq,
                a.Title,
                a.Link,
                a.Published is null ? null : DateOnly.ParseExact(a.Published, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                [.. tags[a.Seq].Distinct(StringComparer.Ordinal)]))
            .OrderBy(a => a.Seq)
            .ToList();
        return [.. StoryClusterer.Cluster(articles)
            .SelectMany(members => members.Select(seq => (Seq: seq, ClusterId: members[0])))
            .OrderBy(r => r.Seq)];
    }

    public IReadOnlyDictionary<long, long> Stories()
    {
        using var connection = database.Open();
        return connection.Query<(long Seq, long ClusterId)>("SELECT article_seq, cluster_id FROM story_clusters")
            .ToDictionary(r => r.Seq, r => r.ClusterId);
    }

    public IReadOnlyList<StoryClusterMember> OthersInStory(long seq)
    {
        using var connection = database.Open();
        return connection.Query<StoryClusterMember>(
            $"""
            SELECT {MemberColumns}
            FROM story_clusters mine
            JOIN story_clusters c ON c.cluster_id = mine.cluster_id AND c.article_seq <> mine.article_seq
            JOIN articles a ON a.seq = c.article_seq
            WHERE mine.article_seq = @seq
            ORDER BY a.sort_key DESC, a.seq DESC
            """,
            new { seq }).AsList();
    }

    public IReadOnlyList<StoryCluster> All()
    {
        using var connection = database.Open();
        return connection.Query<StoryClusterMember>(
            $"""
            SELECT {MemberColumns}
            FROM story_clusters c JOIN articles a ON a.seq = c.article_seq
            ORDER BY a.sort_key DESC, a.seq DESC
            """)
            .GroupBy(m => m.ClusterId)
            .Where(g => g.Count() > 1) // a member deleted mid-scan leaves one behind until the scan ends
            .Select(g => new StoryCluster([.. g]))
            .ToList();
    }

    public StoryClusterPage Page(int page, int pageSize)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        var order = Order(connection, transaction);
        var ids = order.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        var members = connection.Query<StoryClusterMember>(
            $"""
            SELECT {MemberColumns}
            FROM story_clusters c JOIN articles a ON a.seq = c.article_seq
            WHERE c.cluster_id = ANY(@ids)
            ORDER BY a.sort_key DESC, a.seq DESC
            """,
            new { ids = ids.ToArray() },
            transaction).ToLookup(m => m.ClusterId);
        return new StoryClusterPage(order.Count, page, pageSize, [.. ids.Select(id => new StoryCluster([.. members[id]]))]);
    }

    public void LoadOrder()
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        Order(connection, transaction);
    }

    /// <summary>Every story's cluster id, the one with the newest article first, kept in memory
    /// until the data changes (<see cref="DataChanges"/>).</summary>
    private IReadOnlyList<long> Order(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        // Read before the query: a change announced while it runs leaves this order out of date.
        var version = changes.Version;
        if (_order is { } order && order.Version == version)
        {
            return order.Clusters;
        }

        // A story's place is its newest article's (sort_key, then seq, as lists order them).
        var clusters = connection.Query<long>(
            """
            SELECT c.cluster_id
            FROM story_clusters c JOIN articles a ON a.seq = c.article_seq
            GROUP BY c.cluster_id
            HAVING COUNT(*) > 1
            ORDER BY MAX(a.sort_key || lpad(a.seq::text, 20, '0')) DESC
            """,
            transaction: transaction).AsList();
        _order = new StoryOrder(version, clusters);
        return clusters;
    }

    private sealed record StoryOrder(long Version, IReadOnlyList<long> Clusters);
}
