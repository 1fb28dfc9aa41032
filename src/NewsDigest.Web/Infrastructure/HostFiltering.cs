using Microsoft.AspNetCore.HostFiltering;

namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// Which hosts the portal answers. Without NewsDigest:PublicBaseUrl its absolute URLs follow the
/// request's host, so only the names in AllowedHosts are answered (any other gets 400) and, behind
/// a proxy, X-Forwarded-Host is taken only when it is one of them too (otherwise the request keeps
/// the Host the proxy sent, which passed the same list). With PublicBaseUrl set no response
/// depends on the host, so every host is answered and AllowedHosts is not consulted.
/// </summary>
public static class HostFiltering
{
    public const string Key = "AllowedHosts";

    /// <summary>Used when AllowedHosts is empty: the machine's own names, enough for `dotnet run`,
    /// a container reached as localhost (and its health check) and the tests.</summary>
    public static readonly IReadOnlyList<string> LocalHosts = ["localhost", "127.0.0.1", "[::1]"];

    public static IServiceCollection AddPortalHostFiltering(this IServiceCollection services, IConfiguration configuration, PublicBaseUrl publicBaseUrl)
    {
        if (publicBaseUrl.IsSet)
        {
            services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = ["*"]);
            return services;
        }

        // Read inside the callbacks, so a changed AllowedHosts applies as the framework's own binding does.
        services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = AllowedHosts(configuration));
        services.PostConfigure<ForwardedHeadersOptions>(o => o.AllowedHosts = AllowedHosts(configuration));
        return services;
    }

    /// <summary>The hosts answered when absolute URLs follow the request.</summary>
    public static List<string> AllowedHosts(IConfiguration configuration) =>
        [.. configuration[Key]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } hosts ? hosts : LocalHosts];
}
