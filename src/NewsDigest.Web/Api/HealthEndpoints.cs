using NewsDigest.Core.Storage;

namespace NewsDigest.Web.Api;

/// <summary>Liveness: the process is up and the database answers.</summary>
public static class HealthEndpoints
{
    public static IResult Liveness(Database database) =>
        database.IsReachable()
            ? Results.Text("ok")
            : Results.Text("database unavailable", statusCode: StatusCodes.Status503ServiceUnavailable);
}
