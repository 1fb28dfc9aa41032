using Microsoft.Data.Sqlite;
using NewsDigest.Core.Search;

namespace NewsDigest.Core.Tests.Search;

/// <summary>
/// A real FTS5 table shaped like the production one (the ascii tokenizer over analyzer tokens, prefix index
/// of one character), in memory, so the tests prove what SQLite itself does with our text and queries.
/// </summary>
public sealed class InMemoryFtsTable : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public InMemoryFtsTable()
    {
        _connection.Open();
        Execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='ascii', prefix='1')");
        Execute("CREATE VIRTUAL TABLE t_instances USING fts5vocab(t, 'instance')");
    }

    /// <summary>Indexes the analyzer's text for <paramref name="document"/> under <paramref name="rowId"/>.</summary>
    public void Insert(long rowId, string document)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO t(rowid, body) VALUES ($id, $body)";
        command.Parameters.AddWithValue("$id", rowId);
        command.Parameters.AddWithValue("$body", SearchTextAnalyzer.ToIndexText(document));
        command.ExecuteNonQuery();
    }

    /// <summary>Row ids matching <paramref name="matchExpression"/>, passed as a bound parameter like production does.</summary>
    public IReadOnlyList<long> Match(string matchExpression)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM t WHERE t MATCH $q ORDER BY rowid";
        command.Parameters.AddWithValue("$q", matchExpression);
        using var reader = command.ExecuteReader();
        var rows = new List<long>();
        while (reader.Read())
        {
            rows.Add(reader.GetInt64(0));
        }

        return rows;
    }

    /// <summary>The tokens FTS5 stored for one row, in position order.</summary>
    public IReadOnlyList<string> StoredTokens(long rowId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT term FROM t_instances WHERE doc = $id ORDER BY offset";
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
        using var command = _connection.CreateCommand();
        command.CommandText = "DELETE FROM t WHERE rowid = $id";
        command.Parameters.AddWithValue("$id", rowId);
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
