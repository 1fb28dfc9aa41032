using System.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace NewsDigest.Web.Api;

/// <summary>
/// Writes problem details for every request under /api, whatever its Accept header says (the
/// framework's own writer gives up when a client asks for text/html, and the fallback then skips
/// detail and traceId). Registered before the framework's writer, so it is asked first.
/// </summary>
public sealed class ApiProblemWriter(IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => ApiProblems.IsApi(context.HttpContext);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Detail ??= problem is HttpValidationProblemDetails validation
            ? string.Join(" ", validation.Errors.SelectMany(e => e.Value))
            : problem.Title;
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? http.TraceIdentifier);
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json"));
    }
}
