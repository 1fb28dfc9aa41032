using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace NewsDigest.Web.Api;

/// <summary>
/// The list parameters as the OpenAPI document shows them. Every value is bound as text: parsing
/// and validation happen once, in <see cref="Infrastructure.ListQuery"/>, for pages, API, feeds
/// and exports alike, so a malformed number is a problem-details 400 and never a binding error.
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
}
