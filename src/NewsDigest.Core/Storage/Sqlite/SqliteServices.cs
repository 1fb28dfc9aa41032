using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsDigest.Core.Storage.Sqlite;

/// <summary>The SQLite engine behind the storage contracts: one embedded file.</summary>
public static class SqliteServices
{
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, Func<IServiceProvider, string> databasePath)
    {
        services.AddSingleton(sp => new SqliteDatabase(databasePath(sp), sp.GetService<ILogger<SqliteDatabase>>(), sp.GetRequiredService<DataChanges>()));
        services.AddSingleton<IDatabase>(sp => sp.GetRequiredService<SqliteDatabase>());
        services.AddSingleton<IArticleReader, SqliteArticles>();
        services.AddSingleton<IFullTextSearch, SqliteSearch>();
        services.AddSingleton<SqliteStoryClusters>();
        services.AddSingleton<IStoryClusters>(sp => sp.GetRequiredService<SqliteStoryClusters>());
        services.AddSingleton<IIngestionRuns, SqliteIngestionRuns>();
        services.AddSingleton<ISourceFiles, SqliteSourceFiles>();
        services.AddSingleton<IIngesterLease>(sp => new SqliteIngesterLease(databasePath(sp)));
        return services;
    }
}
