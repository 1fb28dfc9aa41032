using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Storage;

namespace NewsDigest.Web.Api;

/// <summary>Readiness: the database answers, the start-up scan has finished (so the portal shows
/// the folder's content rather than a partial list), and the seeds folder can be scanned (while it
/// is missing or unreadable the articles stay online but no longer follow the folder).</summary>
public static class ReadinessEndpoint
{
    public static IResult Ready(Database database, IngestionService ingestion, Ingester ingester) =>
        !database.IsReachable()
            ? Results.Text("database unavailable", statusCode: StatusCodes.Status503ServiceUnavailable)
            : !ingestion.FirstScanCompleted
                ? Results.Text("first scan running", statusCode: StatusCodes.Status503ServiceUnavailable)
                : ingester.FolderError is { } error
                    ? Results.Text($"seeds folder unavailable since {error.Since}: {error.Reason}", statusCode: StatusCodes.Status503ServiceUnavailable)
                    : Results.Text("ready");
}
