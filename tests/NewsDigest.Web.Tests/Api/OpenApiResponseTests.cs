using System.Text.Json;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Api;

/// <summary>
/// The responses /openapi/v1.json documents, as (method, path, status, content type, schema). The
/// handlers' return types declare most of them, so a change of a handler's signature shows here.
/// </summary>
public sealed class OpenApiResponseTests
{
    // What the document listed when the responses were still declared by hand with Produces*().
    private static readonly string[] DeclaredByHand =
    [
        "GET /api/articles 200 application/json ArticleListJson",
        "GET /api/articles 400 application/problem+json HttpValidationProblemDetails",
        "GET /api/articles 405 application/problem+json ProblemDetails",
        "GET /api/articles 429 application/problem+json ProblemDetails",
        "GET /api/articles 500 application/problem+json ProblemDetails",
        "GET /api/articles/{id} 200 application/json ArticleDetailJson",
        "GET /api/articles/{id} 404 application/problem+json ProblemDetails",
        "GET /api/articles/{id} 405 application/problem+json ProblemDetails",
        "GET /api/articles/{id} 429 application/problem+json ProblemDetails",
        "GET /api/articles/{id} 500 application/problem+json ProblemDetails",
        "GET /api/ingestion 200 application/json IngestionJson",
        "GET /api/ingestion 400 application/problem+json HttpValidationProblemDetails",
        "GET /api/ingestion 405 application/problem+json ProblemDetails",
        "GET /api/ingestion 429 application/problem+json ProblemDetails",
        "GET /api/ingestion 500 application/problem+json ProblemDetails",
        "GET /api/ingestion/clusters 200 application/json ClusterPageJson",
        "GET /api/ingestion/clusters 400 application/problem+json HttpValidationProblemDetails",
        "GET /api/ingestion/clusters 405 application/problem+json ProblemDetails",
        "GET /api/ingestion/clusters 429 application/problem+json ProblemDetails",
        "GET /api/ingestion/clusters 500 application/problem+json ProblemDetails",
        "GET /api/tags 200 application/json object",
        "GET /api/tags 400 application/problem+json HttpValidationProblemDetails",
        "GET /api/tags 405 application/problem+json ProblemDetails",
        "GET /api/tags 429 application/problem+json ProblemDetails",
        "GET /api/tags 500 application/problem+json ProblemDetails",
        "GET /export.csv 200",
        "GET /feed.atom 200",
        "GET /feed.json 200",
        "GET /settings/language 200",
        "GET /settings/theme 200",
    ];

    // The feeds and the export answer an unreadable list parameter with a 400 problem; their
    // return types say so now, so the document does too.
    private static readonly string[] DeclaredByType =
    [
        "GET /export.csv 400 application/problem+json HttpValidationProblemDetails",
        "GET /feed.atom 400 application/problem+json HttpValidationProblemDetails",
        "GET /feed.json 400 application/problem+json HttpValidationProblemDetails",
    ];

    [Fact]
    public async Task The_document_keeps_every_response_and_adds_only_the_feeds_400()
    {
        using var app = new TestApp().WithRealSeed();
        var client = await app.StartAsync();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        Assert.Equal(DeclaredByHand.Concat(DeclaredByType).Order(StringComparer.Ordinal), Responses(document).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Responses(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject())
                {
                    var head = $"{operation.Name.ToUpperInvariant()} {path.Name} {response.Name}";
                    if (!response.Value.TryGetProperty("content", out var content))
                    {
                        yield return head;
                        continue;
                    }

                    foreach (var type in content.EnumerateObject())
                    {
                        yield return $"{head} {type.Name} {Schema(type.Value)}";
                    }
                }
            }
        }
    }

    private static string Schema(JsonElement media)
    {
        var schema = media.GetProperty("schema");
        return schema.TryGetProperty("$ref", out var reference)
            ? reference.GetString()!.Split('/')[^1]
            : schema.GetProperty("type").GetString()!;
    }
}
