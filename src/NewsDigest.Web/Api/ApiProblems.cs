using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Api;

/// <summary>
/// Every error under /api is RFC 9457 problem details (application/problem+json) with status,
/// title, detail and traceId, whoever produced it: a handler (400, 404 for an unknown id), routing
/// (404 for an unknown route, 405), the rate limiter (429) or an exception (500). HTML pages keep
/// their friendly pages (<c>/status/{code}</c>).
/// </summary>
public static class ApiProblems
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>Errors pages: problem details for the API, the friendly pages elsewhere (no stack
    /// traces outside Development).</summary>
    public static WebApplication UseErrorAnswers(this WebApplication app)
    {
        var development = app.Environment.IsDevelopment();
        app.UseWhen(IsApi, api =>
        {
            if (!development)
            {
                api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = context => Write(context, StatusCodes.Status500InternalServerError) });
            }

            api.UseStatusCodePages(status => Write(status.HttpContext, status.HttpContext.Response.StatusCode));
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            if (!development)
            {
                pages.UseExceptionHandler("/status/500");
            }

            pages.UseStatusCodePagesWithReExecute("/status/{0}");
        });
        return app;
    }

    /// <summary>Documents the errors every API endpoint can answer besides its own (OpenAPI).</summary>
    public static TBuilder ProducesApiErrors<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder
            .ProducesProblem(StatusCodes.Status405MethodNotAllowed)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

    /// <summary>A problem for a status that came without a body (routing, rate limiter, exception).</summary>
    private static Task Write(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status405MethodNotAllowed && context.Response.Headers.Allow.ToString() == HttpMethods.Get)
        {
            // Every GET endpoint answers HEAD too (HeadRequestMiddleware).
            context.Response.Headers.Allow = $"{HttpMethods.Get}, {HttpMethods.Head}";
        }

        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Detail = Detail(context, status) },
        }).AsTask();
    }

    private static string Detail(HttpContext context, int status) => status switch
    {
        StatusCodes.Status404NotFound => $"There is no API resource at {context.Request.Path}; see {SiteUrls.OpenApiDocument}.",
        StatusCodes.Status405MethodNotAllowed => $"{context.Request.Method} is not allowed on {context.Request.Path}; allowed: {context.Response.Headers.Allow}.",
        StatusCodes.Status429TooManyRequests => $"Too many requests from this address; retry after {context.Response.Headers[HeaderNames.RetryAfter]} seconds.",
        >= 500 => "The error has been logged; please try again in a moment.",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };
}
