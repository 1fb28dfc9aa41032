using NewsDigest.Core.Storage;
using NewsDigest.Web.Api;

namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// The list's query string, shared by the pages, the API, the feeds and the export: q, industry,
/// tech, keyword (each repeatable), sort, collapse, page, pageSize. Parsing is strict about numbers and
/// sizes (a 400, never a 500); <see cref="ToQueryString"/> writes the canonical order.
/// </summary>
public static class ListQuery
{
    public const int MaxQueryLength = 200;
    public const int MaxValuesPerKind = 20;
    public const int MaxValueLength = 100;
    public const int MaxPage = 100_000;

    /// <summary>Parses a page's query string (the API binds <see cref="ListParameters"/> itself).</summary>
    public static bool TryParse(
        IQueryCollection query, int defaultPageSize, out ArticleFilter filter, out Dictionary<string, string[]> errors) =>
        TryParse(ListParameters.FromQuery(query), defaultPageSize, out filter, out errors);

    public static bool TryParse(
        ListParameters parameters, int defaultPageSize, out ArticleFilter filter, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var page = ParseInt(parameters.Page, "page", 1, 1, MaxPage, errors);
        var pageSize = ParseInt(parameters.PageSize, "pageSize", defaultPageSize, 1, int.MaxValue, errors);
        var sort = ArticleSort.Relevance;
        var sortText = parameters.Sort ?? "";
        if (sortText is "newest")
        {
            sort = ArticleSort.Newest;
        }
        else if (sortText is not ("" or "relevance"))
        {
            errors["sort"] = ["sort must be 'relevance' or 'newest'."];
        }

        var collapseText = parameters.Collapse ?? "";
        if (collapseText is not ("" or "0" or "1"))
        {
            errors["collapse"] = ["collapse must be 1 (one entry per story) or 0."];
        }

        var q = (parameters.Q ?? "").Trim();
        if (q.Length > MaxQueryLength)
        {
            // Long pastes are cut, not refused: the first words still find something.
            q = q[..MaxQueryLength].Trim();
        }

        filter = new ArticleFilter
        {
            Industries = Values(parameters.Industry, TagKind.Industry, errors),
            Technologies = Values(parameters.Tech, TagKind.Technology, errors),
            Keywords = Values(parameters.Keyword, TagKind.Keyword, errors),
            Query = q.Length == 0 ? null : q,
            Sort = sort,
            CollapseStories = collapseText == "1",
            Page = page,
            PageSize = Math.Min(pageSize, ArticleFilter.MaxPageSize),
        };
        return errors.Count == 0;
    }

    private static IReadOnlyList<string> Values(string[]? given, TagKind kind, Dictionary<string, string[]> errors)
    {
        var name = kind.ParameterName();
        var values = (given ?? [])
            .Select(v => v?.Trim() ?? "")
            .Where(v => v.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (values.Count > MaxValuesPerKind)
        {
            errors[name] = [$"at most {MaxValuesPerKind} {name} values are allowed."];
        }
        else if (values.Any(v => v.Length > MaxValueLength))
        {
            errors[name] = [$"a {name} value may be at most {MaxValueLength} characters."];
        }

        return values;
    }

    /// <summary>A whole number parameter (a repeated one arrives joined with commas, and is refused);
    /// <paramref name="fallback"/> when it is missing or empty.</summary>
    internal static int ParseInt(string? text, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            errors[name] = [$"{name} must be a whole number from {min} to {max}."];
            return fallback;
        }

        return value;
    }

    /// <summary>The canonical query string for a list state: q, industry, tech, keyword, sort,
    /// collapse, page; values in a stable order; defaults left out. Empty string when nothing is set.</summary>
    public static string ToQueryString(ArticleFilter filter, int? page = null, int? defaultPageSize = null)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrEmpty(filter.Query))
        {
            pairs.Add(new("q", filter.Query));
        }

        foreach (var kind in TagKinds.All)
        {
            foreach (var value in filter.Values(kind).Order(StringComparer.Ordinal))
            {
                pairs.Add(new(kind.ParameterName(), value));
            }
        }

        if (filter.Sort == ArticleSort.Newest && !string.IsNullOrEmpty(filter.Query))
        {
            pairs.Add(new("sort", "newest"));
        }

        if (filter.CollapseStories)
        {
            pairs.Add(new("collapse", "1"));
        }

        var p = page ?? filter.Page;
        if (p > 1)
        {
            pairs.Add(new("page", p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (defaultPageSize is not null && filter.PageSize != defaultPageSize)
        {
            pairs.Add(new("pageSize", filter.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return pairs.Count == 0 ? "" : QueryString.Create(pairs).Value!;
    }
}
