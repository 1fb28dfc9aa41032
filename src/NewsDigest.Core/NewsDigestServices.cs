using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Parsing;
using NewsDigest.Core.Rendering;
using NewsDigest.Core.Search;
using NewsDigest.Core.Storage;

namespace NewsDigest.Core;

/// <summary>The core services, shared by the web host, the command-line tools and the tests.</summary>
public static class NewsDigestServices
{
    public static IServiceCollection AddNewsDigest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NewsDigestOptions>().Bind(configuration.GetSection(NewsDigestOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NewsDigestOptions>, NewsDigestOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<NewsDigestOptions>>().Value);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new Database(sp.GetRequiredService<NewsDigestOptions>().DatabasePath, sp.GetService<ILogger<Database>>()));
        services.AddSingleton(sp => new DigestParser(new DigestParserOptions { MaxBytes = sp.GetRequiredService<NewsDigestOptions>().MaxFileBytes }));
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<IngestionLog>();
        services.AddSingleton<StoryClusterStore>();
        services.AddSingleton<Ingester>();
        services.AddSingleton<IngestionService>();
        return services;
    }
}
