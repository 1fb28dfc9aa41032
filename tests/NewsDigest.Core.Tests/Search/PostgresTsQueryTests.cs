using FsCheck;
using FsCheck.Fluent;
using NewsDigest.Core.Search;
using NewsDigest.Core.Storage;
using NewsDigest.Core.Storage.Postgres;
using NewsDigest.Core.Tests.Engines;
using NewsDigest.Core.Tests.Ingestion;
using NewsDigest.Tests.Shared;
using Npgsql;

namespace NewsDigest.Core.Tests.Search;

/// <summary>
/// How the PostgreSQL engine turns the neutral query model into tsquery text and an article's
/// tokens into tsvector text, and that the server accepts whatever a user types.
/// </summary>
public sealed class PostgresTsQueryTests
{
    [Fact]
    public void Phrases_are_chains_of_quoted_tokens_and_terms_are_anded()
    {
        var query = SearchQuery.Parse("multi-agent planning");

        Assert.Equal("('multi' <-> 'agent') & ('planning')", PostgresTsQuery.Words(query));
        Assert.Null(PostgresTsQuery.Grams(query));
        Assert.Equal("('multi') & ('agent') & ('planning')", PostgresTsQuery.AllScoreTokens(query));
        Assert.Equal("('multi') | ('agent') | ('planning')", PostgresTsQuery.AnyScoreToken(query));
    }

    [Fact]
    public void A_prefix_ends_in_a_star_and_chinese_terms_split_between_words_and_grams()
    {
        Assert.Equal("('agent':*)", PostgresTsQuery.Words(SearchQuery.Parse("agent*")));

        var chinese = SearchQuery.Parse("医疗 大模型 医");

        Assert.Equal("('医疗')", PostgresTsQuery.Words(chinese));
        Assert.Equal("('大模型') & ('医')", PostgresTsQuery.Grams(chinese));
    }

    [Fact]
    public void Operators_typed_by_a_user_are_quoted_lexemes_or_gone()
    {
        var query = SearchQuery.Parse("!a & (b | c) <-> d:* 'e'");

        var words = PostgresTsQuery.Words(query);

        Assert.NotNull(words);
        Assert.DoesNotContain("!", words);
        Assert.DoesNotContain("|", words);
        Assert.All(words.Split(" & "), phrase => Assert.Matches(@"^\('[^']+'( <-> '[^']+')*(:\*)?\)$", phrase));
    }

    [Fact]
    public void A_document_is_weighted_by_field_with_positions_and_a_gap_between_fields()
    {
        var document = new SearchDocument("gpt 4", "医疗", "gpt", "it's a\\b", "医 疗");

        Assert.Equal("'gpt':1A,6C '4':2A '医疗':4B 'it''s':8D 'a\\\\b':9D", PostgresTsVector.Words(document));
        Assert.Equal("'医' '疗'", PostgresTsVector.Grams(document));
    }

    [FactNeeding(Tool.PostgreSql)]
    public void The_server_reads_back_exactly_the_lexemes_written()
    {
        using var database = new PostgresTestDatabase();
        using var connection = new NpgsqlConnection(database.ConnectionString);
        connection.Open();
        var document = new SearchDocument("it's", "a\\b", "''", "\\'", "医疗 🤖");

        Assert.Equal(["''", "\\'", "a\\b", "it's"], Lexemes(connection, PostgresTsVector.Words(document)).Order(StringComparer.Ordinal));
        Assert.Equal(["医疗", "🤖"], Lexemes(connection, PostgresTsVector.Grams(document)).Order(StringComparer.Ordinal));
        NpgsqlConnection.ClearPool(connection);
    }

    [FactNeeding(Tool.PostgreSql)]
    public void Whatever_a_user_types_the_server_parses_the_tsquery_and_the_store_answers()
    {
        using var harness = new IngestionHarness(engine: StorageEngine.Postgres);
        harness.Write("001_0000000000000001.txt", IngestionHarness.Digest("大模型 GPT-4 C# multi-agent 医疗 drug discovery"));
        harness.Scan();
        var search = harness.Get<IFullTextSearch>();
        using var connection = new NpgsqlConnection(harness.StorageSettings[DatabaseOptions.ConnectionStringKey]);
        connection.Open();

        Prop.ForAll(SearchQueryProperties.HostileInput.Strings(), input =>
        {
            var query = SearchQuery.Parse(input);
            Assert.Equal(query.IsEmpty, PostgresTsQuery.Words(query) is null && PostgresTsQuery.Grams(query) is null);
            foreach (var text in new[] { PostgresTsQuery.Words(query), PostgresTsQuery.Grams(query), PostgresTsQuery.AllScoreTokens(query), PostgresTsQuery.AnyScoreToken(query) })
            {
                if (text is not null)
                {
                    using var command = new NpgsqlCommand("SELECT numnode(@q::tsquery)", connection);
                    command.Parameters.AddWithValue("q", text);
                    Assert.True(Convert.ToInt32(command.ExecuteScalar()) > 0, text);
                }
            }

            var matches = search.Matches(query);
            Assert.All(search.Scores(query, matches).Keys, seq => Assert.Contains(seq, matches));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1_000));
    }

    private static List<string> Lexemes(NpgsqlConnection connection, string tsvector)
    {
        using var command = new NpgsqlCommand("SELECT unnest(tsvector_to_array(@v::tsvector))", connection);
        command.Parameters.AddWithValue("v", tsvector);
        using var reader = command.ExecuteReader();
        var lexemes = new List<string>();
        while (reader.Read())
        {
            lexemes.Add(reader.GetString(0));
        }

        return lexemes;
    }
}
