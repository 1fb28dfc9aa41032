namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// NewsDigest:PublicBaseUrl, the address readers reach the portal at (https://news.example.com, or
/// with a path: https://example.org/news). Every absolute URL the portal writes (canonical, og:url,
/// JSON-LD, feeds, sitemap, robots.txt, CSV, the API description) and every redirect's Location is
/// built here. Once set, the request's Host and X-Forwarded-Host never reach a response: those
/// responses are Cache-Control: public, and a shared cache in front must not keep a copy that
/// names another host. Unset, URLs follow the request, whose host has passed AllowedHosts
/// (<see cref="HostFiltering"/>).
/// </summary>
public sealed class PublicBaseUrl
{
    public const string Key = "NewsDigest:PublicBaseUrl";

    private const string Expected = "an absolute http or https URL such as https://news.example.com or https://example.org/news";

    /// <summary>Scheme, host and port, e.g. "https://news.example.com"; null when not set.</summary>
    private readonly string? _origin;

    /// <summary>The path the portal lives under, e.g. "/news"; "" for the root.</summary>
    private readonly string _pathBase;

    private PublicBaseUrl(string? origin, string pathBase)
    {
        _origin = origin;
        _pathBase = pathBase;
    }

    public static PublicBaseUrl NotSet { get; } = new(null, "");

    public bool IsSet => _origin is not null;

    /// <summary>Reads the setting; a value that is not a usable base URL gives a one-line error naming the key.</summary>
    public static bool TryRead(IConfiguration configuration, out PublicBaseUrl publicBaseUrl, out string error)
    {
        var value = configuration[Key];
        publicBaseUrl = NotSet;
        error = "";
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri);
        if (Problem(uri) is { } problem)
        {
            // The value is repeated to show what the host actually received, unless it holds a password.
            error = uri?.UserInfo.Length > 0 ? $"{Key} must be {problem}." : $"{Key} must be {problem}; it is '{value}'.";
            return false;
        }

        publicBaseUrl = new PublicBaseUrl(uri!.GetLeftPart(UriPartial.Authority), uri.AbsolutePath.TrimEnd('/'));
        return true;
    }

    private static string? Problem(Uri? uri) => uri switch
    {
        null => Expected,
        _ when uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps => Expected,
        _ when uri.Host.Length == 0 => Expected,
        _ when uri.UserInfo.Length > 0 => "a URL without a user name or password",
        _ when uri.Query.Length > 0 || uri.Fragment.Length > 0 => "a URL without a query (?) or fragment (#)",
        _ => null,
    };

    /// <summary>The absolute URL of a portal path ("/articles/…", with its query).</summary>
    public string Absolute(HttpRequest request, string pathAndQuery) =>
        Absolute(pathAndQuery) ?? $"{request.Scheme}://{request.Host}{request.PathBase}{pathAndQuery}";

    /// <summary>The absolute URL of a portal path where no request is at hand; null when the
    /// setting is unset, since then only a request names the host.</summary>
    public string? Absolute(string pathAndQuery) => _origin is null ? null : _origin + _pathBase + pathAndQuery;

    /// <summary>A redirect's Location: relative (no scheme, no host), under the portal's path, so
    /// the browser stays on the address it asked for.</summary>
    public string Local(HttpRequest request, string pathAndQuery) =>
        (_origin is null ? request.PathBase.Value : _pathBase) + pathAndQuery;

    public override string ToString() => _origin is null ? "" : _origin + _pathBase;
}
