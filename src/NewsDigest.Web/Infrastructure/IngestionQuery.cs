using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Storage;

namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// The ingestion report's query string, shared by /ingestion and /api/ingestion: reason (a kind
/// such as no-title, or any), status (API only), page, pageSize (API only). Parsing is strict (a
/// 400, never a 500); <see cref="PageUrl"/> and <see cref="ApiUrl"/> write the canonical order.
/// </summary>
public static class IngestionQuery
{
    /// <summary>reason=any: every file with a problem, of whatever kind.</summary>
    public const string AnyReason = "any";

    public const int PageSize = 50;
    public const int DefaultApiPageSize = 100;
    public const int MaxApiPageSize = 1000;

    public static bool TryParse(
        IQueryCollection query, int defaultPageSize, int maxPageSize, out SourceFileQuery result, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var page = ListQuery.ParseInt(query, "page", 1, 1, ListQuery.MaxPage, errors);
        var pageSize = ListQuery.ParseInt(query, "pageSize", defaultPageSize, 1, int.MaxValue, errors);
        var reasonText = query["reason"].ToString();
        ReasonKind? reason = null;
        if (reasonText is not ("" or AnyReason) && !ReasonKinds.TryParse(reasonText, out reason))
        {
            errors["reason"] = [$"reason must be {AnyReason} or one of: {string.Join(", ", ReasonKinds.All.Select(k => k.Slug()))}."];
        }

        var statusText = query["status"].ToString();
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

    /// <summary>/ingestion for a reason and page: reason, then page; page 1 left out.</summary>
    public static string PageUrl(ReasonKind? reason, int page = 1)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (reason is not null)
        {
            pairs.Add(new("reason", reason.Value.Slug()));
        }

        if (page > 1)
        {
            pairs.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return "/ingestion" + (pairs.Count == 0 ? "" : QueryString.Create(pairs).Value);
    }

    /// <summary>/api/ingestion for a query and page: reason, status, page, pageSize; defaults left out.</summary>
    public static string ApiUrl(SourceFileQuery query, int page)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (query.Reason is not null || query.ProblemsOnly)
        {
            pairs.Add(new("reason", query.Reason?.Slug() ?? AnyReason));
        }

        if (query.Status is not null)
        {
            pairs.Add(new("status", SourceFileStatusNames.Of(query.Status.Value)));
        }

        if (page > 1)
        {
            pairs.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (query.PageSize != DefaultApiPageSize)
        {
            pairs.Add(new("pageSize", query.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return "/api/ingestion" + (pairs.Count == 0 ? "" : QueryString.Create(pairs).Value);
    }
}
