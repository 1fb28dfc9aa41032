using NewsDigest.Core.Tests.Engines;

namespace NewsDigest.Core.Tests.Search.Relevance;

/// <summary>The relevance corpus ingested into PostgreSQL.</summary>
public sealed class PostgresRelevanceCorpus : RelevanceCorpus
{
    public PostgresRelevanceCorpus()
        : base(StorageEngine.Postgres)
    {
    }
}
