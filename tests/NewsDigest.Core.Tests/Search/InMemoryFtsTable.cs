using Microsoft.Data.Sqlite;
using NewsDigest.Core.Search;
using NewsDigest.Core.Storage.Sqlite;

namespace NewsDigest.Core.Tests.Search;

/// <summary>
/// The production search tables (made by <see cref="Migrations"/>, written and read through
/// <see cref="SearchEntries"/>) in memory, so the tests prove what SQLite itself does with our text
/// and queries. Each document is an article's body.
/// </summary>
public sealed class InMemoryFtsTable : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public InMemoryFtsTable()
    {
        _connection.Open();
        Migrations.Apply(_connection);
        Execute("CREATE VIRTUAL TABLE temp.instances USING fts5vocab(main, article_search, 'instance')");
    }

    /// <summary>Indexes <paramref name="document"/> as the body of article <paramref name="rowId"/>, as ingestion does.</summary>
    public void Insert(long rowId, string document)
    {
        using var transaction = _connection.BeginTransaction();
        SearchEntries.Replace(_connection, transaction, [(rowId, SearchDocument.For("", "", "", document), false)]);
        transaction.Commit();
    }

    /// <summary>Row ids matching <paramref name="matchExpression"/> in article_search, passed as a bound parameter like production does.</summary>
    public IReadOnlyList<long> Match(string matchExpression)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM article_search WHERE article_search MATCH $q ORDER BY rowid";
        command.Parameters.AddWithValue("$q", matchExpression);
        using var reader = command.ExecuteReader();
        var rows = new List<long>();
        while (reader.Read())
        {
            rows.Add(reader.GetInt64(0));
        }

        return rows;
    }

    /// <summary>Row ids a search finds, as the list page looks them up (<see cref="SqliteSearch.Matches(SqliteConnection, SearchQuery)"/>).</summary>
    public IReadOnlyList<long> Match(SearchQuery query) => SqliteSearch.Matches(_connection, query);

    /// <summary>The tokens FTS5 stored for one row, in position order.</summary>
    public IReadOnlyList<string> StoredTokens(long rowId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT term FROM temp.instances WHERE doc = $id ORDER BY offset";
        command.Parameters.AddWithValue("$id", rowId);
        using var reader = command.ExecuteReader();
        var tokens = new List<string>();
        while (reader.Read())
        {
            tokens.Add(reader.GetString(0));
        }

        return tokens;
    }

    public void Delete(long rowId)
    {
        using var transaction = _connection.BeginTransaction();
        SearchEntries.Remove(_connection, transaction, rowId);
        transaction.Commit();
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
