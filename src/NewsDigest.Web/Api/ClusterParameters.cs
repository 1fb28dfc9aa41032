using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace NewsDigest.Web.Api;

/// <summary>The /api/ingestion/clusters parameters as bound (and shown in the OpenAPI document): text, parsed once by the endpoint.</summary>
public sealed record ClusterParameters
{
    [FromQuery(Name = "page"), Description("1-based page number.")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize"), Description("Clusters per page, 1–1000 (larger values are capped). Default 100.")]
    public string? PageSize { get; init; }
}
