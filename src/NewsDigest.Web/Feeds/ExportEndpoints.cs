using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsDigest.Core.Listing;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Feeds;

/// <summary>GET /export.csv: any list view as CSV (UTF-8 with a BOM so spreadsheet programs read
/// Chinese correctly), up to <see cref="MaxRows"/> rows in the list's order.</summary>
public static class ExportEndpoints
{
    public const int MaxRows = 10_000;

    private const string CsvType = "text/csv";

    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export.csv", Csv).WithTags("Feeds").WithSummary("CSV export of any list view")
            .Produces(StatusCodes.Status200OK, contentType: CsvType)
            .CacheOutput(ResponseCaching.Pages).WithMetadata(new ClientCacheAttribute(60));
        return app;
    }

    // The list's parameters are read from the query string once, by ListQuery, as the pages read
    // them: they are not bound here, since the export takes neither page nor pageSize.
    private static Results<FileContentHttpResult, ValidationProblem> Csv(HttpRequest request, ArticleListing listing, PublicBaseUrl publicBaseUrl)
    {
        if (!ListQuery.TryParse(request.Query, ArticleFilter.MaxPageSize, out var filter, out var errors))
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid query parameters");
        }

        var csv = new StringBuilder();
        csv.Append('\uFEFF');
        csv.Append("id,title,url,link,date,industries,technologies,keywords,excerpt\r\n");
        filter = filter with { PageSize = ArticleFilter.MaxPageSize, IncludeFacets = false };
        for (var page = 1; page <= MaxRows / ArticleFilter.MaxPageSize; page++)
        {
            var result = listing.List(filter with { Page = page });
            foreach (var item in result.Items)
            {
                csv.AppendJoin(',', new[]
                {
                    item.Id, item.Title, publicBaseUrl.Absolute(request, SiteUrls.Article(item.Id, item.Slug)), item.Link ?? "", item.Date,
                    string.Join("; ", item.Industries), string.Join("; ", item.Technologies), string.Join("; ", item.Keywords), item.Excerpt,
                }.Select(Cell)).Append("\r\n");
            }

            if (page >= result.PageCount)
            {
                break;
            }
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), CsvType + "; charset=utf-8", "newsdigest.csv");
    }

    /// <summary>RFC 4180 quoting (and CRLF line ends, above); a leading = + - @ is neutralised so a spreadsheet never runs a
    /// digest's text as a formula.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny("\",\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
