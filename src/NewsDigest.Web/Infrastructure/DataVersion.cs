using NewsDigest.Core.Storage;

namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// When the data behind the pages last changed, for Last-Modified: the articles (any add, update
/// or removal) and the ingestion report (every scan). Read from the database at start, then moved
/// forward by what <see cref="DataChanges"/> announces.
/// </summary>
public sealed class DataVersion
{
    private long _articlesChangedTicks;
    private long _reportChangedTicks;

    public DataVersion(IIngestionRuns runs, DataChanges changes, TimeProvider time)
    {
        var start = time.GetUtcNow();
        var (articles, report) = runs.LastChanges();
        _articlesChangedTicks = (articles ?? start).UtcTicks;
        _reportChangedTicks = (report ?? start).UtcTicks;
        changes.Changed += change =>
        {
            var now = time.GetUtcNow().UtcTicks;
            if (change.HasFlag(DataChange.Articles))
            {
                Interlocked.Exchange(ref _articlesChangedTicks, now);
            }

            if (change.HasFlag(DataChange.Report))
            {
                Interlocked.Exchange(ref _reportChangedTicks, now);
            }
        };
    }

    public DateTimeOffset ArticlesChanged => new(Interlocked.Read(ref _articlesChangedTicks), TimeSpan.Zero);

    public DateTimeOffset ReportChanged => new(Interlocked.Read(ref _reportChangedTicks), TimeSpan.Zero);
}
