using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace NewsDigest.Web.Api;

/// <summary>
/// A 404 as problem details, written by the app's problem writer (application/problem+json, with
/// detail and traceId like every other API error) and declared so in the OpenAPI document by its
/// type. TypedResults.NotFound(problem) would serialise the problem as plain application/json.
/// </summary>
public sealed class NotFoundProblem(string title, string detail) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status404NotFound;

    public Task ExecuteAsync(HttpContext httpContext) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail).ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails), ["application/problem+json"]));
}
