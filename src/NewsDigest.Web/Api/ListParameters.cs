using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace NewsDigest.Web.Api;

/// <summary>
/// The list's parameters as given: bound by /api/articles (and shown so in the OpenAPI document),
/// read from the query string by the pages, feeds and export. Every value is text, so a malformed
/// number is never a binding error: <see cref="Infrastructure.ListQuery"/> parses and validates
/// them once, for all of them alike, into a problem-details 400 or a 400 page.
/// </summary>
public sealed record ListParameters
{
    [FromQuery(Name = "q"), Description("Search text, Chinese or English; \"quotes\" for phrases, * for a prefix. Capped at 200 characters.")]
    public string? Q { get; init; }

    [FromQuery(Name = "industry"), Description("Industry filter; repeat for OR.")]
    public string[]? Industry { get; init; }

    [FromQuery(Name = "tech"), Description("AI technology filter; repeat for OR. Kinds are ANDed.")]
    public string[]? Tech { get; init; }

    [FromQuery(Name = "keyword"), Description("Keyword filter; repeat for OR.")]
    public string[]? Keyword { get; init; }

    [FromQuery(Name = "sort"), Description("relevance (default for searches) or newest.")]
    public string? Sort { get; init; }

    [FromQuery(Name = "collapse"), Description("1: one entry per story (articles clustered as the same story are listed once, as their newest match; total, pages and facet counts count stories). Default 0.")]
    public string? Collapse { get; init; }

    [FromQuery(Name = "page"), Description("1-based page number.")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize"), Description("Items per page, 1–100 (larger values are capped).")]
    public string? PageSize { get; init; }

    /// <summary>The parameters of a query string, as binding reads them: a repeated single
    /// value arrives joined with commas, a repeated filter as each of its values.</summary>
    public static ListParameters FromQuery(IQueryCollection query) => new()
    {
        Q = query["q"],
        Industry = query["industry"],
        Tech = query["tech"],
        Keyword = query["keyword"],
        Sort = query["sort"],
        Collapse = query["collapse"],
        Page = query["page"],
        PageSize = query["pageSize"],
    };
}
