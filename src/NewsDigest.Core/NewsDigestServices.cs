using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Insights;
using NewsDigest.Core.Listing;
using NewsDigest.Core.Parsing;
using NewsDigest.Core.Rendering;
using NewsDigest.Core.Search;
using NewsDigest.Core.Storage;
using NewsDigest.Core.Storage.Postgres;
using NewsDigest.Core.Storage.Sqlite;

namespace NewsDigest.Core;

/// <summary>The core services, shared by the web host, the command-line tools and the tests.</summary>
public static class NewsDigestServices
{
    public static IServiceCollection AddNewsDigest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NewsDigestOptions>()
            .Bind(configuration.GetSection(NewsDigestOptions.Section))
            .Configure(o => o.Database.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<NewsDigestOptions>, NewsDigestOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<NewsDigestOptions>>().Value);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DataChanges>();

        // The one place that knows which engine runs; an unknown provider stops the start before
        // anything is opened (NewsDigestOptionsValidator).
        var database = configuration.GetSection(NewsDigestOptions.Section).GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.IsPostgres)
        {
            services.AddPostgresStorage(sp => sp.GetRequiredService<NewsDigestOptions>().Database.ConnectionString!);
        }
        else
        {
            services.AddSqliteStorage(sp => sp.GetRequiredService<NewsDigestOptions>().DatabasePath);
        }

        services.AddSingleton(sp => new DigestParser(new DigestParserOptions { MaxBytes = sp.GetRequiredService<NewsDigestOptions>().MaxFileBytes }));
        services.AddSingleton<MarkdownRenderer>();

        // What the pages keep in memory, whatever the engine.
        services.AddSingleton<ListIndexCache>();
        services.AddSingleton<SearchResultsCache>();
        services.AddSingleton<SearchRanking>();
        services.AddSingleton<ArticleListing>();
        services.AddSingleton<InsightsReports>();
        services.AddSingleton<Ingester>();
        services.AddSingleton<IngestionService>();
        return services;
    }
}
