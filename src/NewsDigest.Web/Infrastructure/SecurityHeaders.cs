namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// The response headers every page gets (NetEscapades.AspNetCore.SecurityHeaders): a strict CSP
/// with no inline script or style, no framing, no sniffing, a tight referrer and permissions
/// policy, same-origin isolation, HSTS over HTTPS outside Development. The API reference page
/// (Scalar) runs an inline bootstrap script, so it alone gets a looser named policy.
/// </summary>
public static class SecurityHeaders
{
    public const string ApiReferencePolicy = "api-reference";

    /// <summary>
    /// Registers the policies and puts the headers middleware first of all, ahead of what the
    /// framework itself adds before Program.cs's pipeline (host filtering, whose 400 would otherwise
    /// go out bare). Startup filters wrap in registration order, so this one goes to the front.
    /// </summary>
    public static IServiceCollection AddPortalSecurityHeaders(this IServiceCollection services, bool isDevelopment)
    {
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, OutermostSecurityHeaders>());
        services.AddSecurityHeaderPolicies(builder => builder
            .SetDefaultPolicy(policy => Common(policy, isDevelopment).AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFrameAncestors().None();
                csp.AddFormAction().Self();
            }))
            .AddPolicy(ApiReferencePolicy, policy => Common(policy, isDevelopment).AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self().UnsafeInline().From("https://cdn.jsdelivr.net");
                csp.AddStyleSrc().Self().UnsafeInline().From("https://fonts.googleapis.com");
                csp.AddImgSrc().Self().Data().From("https:");
                csp.AddFontSrc().Self().Data().From("https:");
                csp.AddConnectSrc().Self();
                csp.AddWorkerSrc().Self().Blob();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFrameAncestors().None();
                csp.AddFormAction().Self();
            })));
        return services;
    }

    private static HeaderPolicyCollection Common(HeaderPolicyCollection policy, bool isDevelopment)
    {
        policy
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
            .AddCrossOriginResourcePolicy(b => b.SameOrigin())
            .AddPermissionsPolicy(b =>
            {
                b.AddCamera().None();
                b.AddMicrophone().None();
                b.AddGeolocation().None();
                b.AddPayment().None();
                b.AddUsb().None();
                b.AddAccelerometer().None();
                b.AddGyroscope().None();
                b.AddMagnetometer().None();
                b.AddFullscreen().Self();
            })
            .RemoveServerHeader();
        if (!isDevelopment)
        {
            // Sent only over HTTPS by the library; a year, as Observatory's A+ expects.
            policy.AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60);
        }

        return policy;
    }

    private sealed class OutermostSecurityHeaders : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseSecurityHeaders();
            next(app);
        };
    }
}
