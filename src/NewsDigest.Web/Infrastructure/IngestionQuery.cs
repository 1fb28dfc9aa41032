using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Api;

namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// The ingestion report's query string, shared by /ingestion and /api/ingestion: reason (a kind
/// such as no-title, or any), status (API only), page, pageSize (API only). Parsing is strict (a
/// 400, never a 500); <see cref="SiteUrls.Ingestion"/> and <see cref="SiteUrls.ApiIngestion(SourceFileQuery, int)"/>
/// write the canonical order.
/// </summary>
public static class IngestionQuery
{
    /// <summary>reason=any: every file with a problem, of whatever kind.</summary>
    public const string AnyReason = "any";

    /// <summary>Parses the page's query string (the API binds <see cref="IngestionParameters"/> itself).</summary>
    public static bool TryParse(
        IQueryCollection query, int defaultPageSize, int maxPageSize, out SourceFileQuery result, out Dictionary<string, string[]> errors) =>
        TryParse(IngestionParameters.FromQuery(query), defaultPageSize, maxPageSize, out result, out errors);

    public static bool TryParse(
        IngestionParameters parameters, int defaultPageSize, int maxPageSize, out SourceFileQuery result, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var page = ListQuery.ParseInt(parameters.Page, "page", 1, 1, ListQuery.MaxPage, errors);
        var pageSize = ListQuery.ParseInt(parameters.PageSize, "pageSize", defaultPageSize, 1, int.MaxValue, errors);
        var reasonText = parameters.Reason ?? "";
        ReasonKind? reason = null;
        if (reasonText is not ("" or AnyReason) && !ReasonKinds.TryParse(reasonText, out reason))
        {
            errors["reason"] = [$"reason must be {AnyReason} or one of: {string.Join(", ", ReasonKinds.All.Select(k => k.Slug()))}."];
        }

        var statusText = parameters.Status ?? "";
        SourceFileStatus? status = null;
        if (statusText.Length > 0)
        {
            if (SourceFileStatusNames.TryParse(statusText, out var parsed))
            {
                status = parsed;
            }
            else
            {
                errors["status"] = [$"status must be one of: {string.Join(", ", SourceFileStatusNames.All)}."];
            }
        }

        result = new SourceFileQuery
        {
            ProblemsOnly = reasonText.Length > 0,
            Reason = reason,
            Status = status,
            Page = page,
            PageSize = Math.Min(pageSize, maxPageSize),
        };
        return errors.Count == 0;
    }
}
