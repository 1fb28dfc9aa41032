using System.Text;

namespace NewsDigest.Core.Clustering;

/// <summary>
/// The form of an article link that decides "same link": two links that differ only in ways a
/// reader never notices point at the same story.
/// </summary>
/// <remarks>
/// Rules: http and https are the same; host case and a leading <c>www.</c> are ignored; the
/// fragment, a trailing slash, the default port and tracking parameters (<c>utm_*</c> and the
/// names in <see cref="TrackingParameters"/>) are dropped; the remaining query parameters are
/// sorted. Path and parameter values keep their case: servers may tell them apart.
/// </remarks>
public static class StoryLink
{
    /// <summary>Query parameters that say where a reader came from, not what they read. The last
    /// three are Baidu's and other Chinese portals' (baijiahao adds <c>wfr=spider&amp;for=pc</c>).</summary>
    public static readonly IReadOnlySet<string> TrackingParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "msclkid", "mc_cid", "mc_eid", "spm", "wfr", "for", "from",
    };

    /// <summary>The normalised link, or null when there is none or it is not an absolute http(s) URL.</summary>
    public static string? Normalize(string? link)
    {
        if (string.IsNullOrWhiteSpace(link)
            || !Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host["www.".Length..];
        }

        var key = new StringBuilder(host);
        if (!uri.IsDefaultPort)
        {
            key.Append(':').Append(uri.Port);
        }

        key.Append(uri.AbsolutePath.TrimEnd('/'));
        var parameters = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p.Split('=', 2)[0]))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (parameters.Count > 0)
        {
            key.Append('?').AppendJoin('&', parameters);
        }

        return key.ToString();
    }

    private static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);
}
