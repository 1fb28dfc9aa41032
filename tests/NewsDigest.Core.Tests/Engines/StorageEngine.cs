namespace NewsDigest.Core.Tests.Engines;

/// <summary>The storage engines a suite of contract tests runs on.</summary>
public enum StorageEngine
{
    Sqlite,
    Postgres,
}
