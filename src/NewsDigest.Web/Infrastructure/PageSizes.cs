using NewsDigest.Core.Storage;

namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// How many items a page of each paged view holds, and the most a ?pageSize= may ask for: the
/// pages, the API's defaults, the feeds. The links that page through a view leave its default size
/// out, so a size lives here once rather than next to each of its readers.
/// </summary>
public static class PageSizes
{
    /// <summary>Articles per page of a list: /, /tags/{kind}/{value}, and /api/articles without
    /// ?pageSize=. It is Core's default, so a filter built anywhere pages alike.</summary>
    public const int Articles = ArticleFilter.DefaultPageSize;

    /// <summary>Entries of a feed (/feed.atom, /feed.json): the newest matches of its view.</summary>
    public const int FeedEntries = 50;

    /// <summary>Tags per page of one kind on /tags?kind=….</summary>
    public const int Tags = 500;

    /// <summary>Files with a problem per page of /ingestion.</summary>
    public const int IngestionFiles = 50;

    /// <summary>Stories per page of /ingestion/stories.</summary>
    public const int IngestionStories = 50;

    /// <summary>Files per page of /api/ingestion without ?pageSize=.</summary>
    public const int ApiIngestionFiles = 100;

    /// <summary>The most files a page of /api/ingestion holds; a larger ?pageSize= is capped.</summary>
    public const int MaxApiIngestionFiles = 1000;

    /// <summary>Story clusters per page of /api/ingestion/clusters without ?pageSize=, and on /api/ingestion.</summary>
    public const int ApiClusters = 100;

    /// <summary>The most clusters a page of /api/ingestion/clusters holds; a larger ?pageSize= is capped.</summary>
    public const int MaxApiClusters = 1000;
}
