using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Storage;

namespace NewsDigest.Web.Api;

/// <summary>Readiness: the database answers and the start-up scan has finished, so the portal
/// shows the folder's content rather than a partial list.</summary>
public static class ReadinessEndpoint
{
    public static IResult Ready(Database database, IngestionService ingestion) =>
        !database.IsReachable()
            ? Results.Text("database unavailable", statusCode: StatusCodes.Status503ServiceUnavailable)
            : ingestion.FirstScanCompleted
                ? Results.Text("ready")
                : Results.Text("first scan running", statusCode: StatusCodes.Status503ServiceUnavailable);
}
