using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsDigest.Core.Storage.Postgres;

/// <summary>The PostgreSQL engine behind the storage contracts: a server several processes share.</summary>
public static class PostgresServices
{
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        services.AddSingleton(sp => new PostgresDatabase(connectionString(sp), sp.GetService<ILogger<PostgresDatabase>>(), sp.GetRequiredService<DataChanges>()));
        services.AddSingleton<IDatabase>(sp => sp.GetRequiredService<PostgresDatabase>());
        services.AddSingleton<IArticleReader, PostgresArticles>();
        services.AddSingleton<IFullTextSearch, PostgresSearch>();
        services.AddSingleton<IStoryClusters, PostgresStoryClusters>();
        services.AddSingleton<IIngestionRuns, PostgresIngestionRuns>();
        services.AddSingleton<ISourceFiles, PostgresSourceFiles>();
        services.AddSingleton<IIngesterLease>(sp => new PostgresIngesterLease(connectionString(sp)));

        // The other nodes' commits reach this process's caches (in the portal, which runs hosted services).
        services.AddSingleton(sp => new PostgresChangeListener(
            connectionString(sp), sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<DataChanges>(), sp.GetService<ILogger<PostgresChangeListener>>()));
        services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeListener>());
        return services;
    }
}
