using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace NewsDigest.Web.Api;

/// <summary>
/// The ingestion report's parameters as given: bound by /api/ingestion (and shown so in the
/// OpenAPI document), read from the query string by /ingestion. Every value is bound as text:
/// <see cref="Infrastructure.IngestionQuery"/> parses and validates them once, so a malformed
/// value is a problem-details 400 (or a 400 page) and never a binding error.
/// </summary>
public sealed record IngestionParameters
{
    [FromQuery(Name = "reason"), Description("Only files with this kind of problem (e.g. no-title, bad-date, duplicate-link; the reasons field lists those present), or any: every file with a problem. Default: every file.")]
    public string? Reason { get; init; }

    [FromQuery(Name = "status"), Description("Only files with this status: added, updated, unchanged, rejected, removed or unreadable.")]
    public string? Status { get; init; }

    [FromQuery(Name = "page"), Description("1-based page number.")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize"), Description("Files per page, 1–1000 (larger values are capped). Default 100.")]
    public string? PageSize { get; init; }

    /// <summary>The parameters of a query string, as binding reads them (a repeated value arrives joined with commas).</summary>
    public static IngestionParameters FromQuery(IQueryCollection query) => new()
    {
        Reason = query["reason"],
        Status = query["status"],
        Page = query["page"],
        PageSize = query["pageSize"],
    };
}
