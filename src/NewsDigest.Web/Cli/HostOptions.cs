namespace NewsDigest.Web.Cli;

/// <summary>
/// The options the ASP.NET Core host reads from the command line itself: its own settings
/// (<c>--urls</c>, <c>--environment</c>, …) and any configuration key with a section
/// (<c>--NewsDigest:SeedsPath=/srv/digests</c>, <c>--Serilog:MinimumLevel:Default Debug</c>), each
/// as <c>--key value</c> or <c>--key=value</c>. Arguments made only of these start the portal.
/// </summary>
public static class HostOptions
{
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "environment", "contentRoot", "applicationName", "AllowedHosts", "http_ports", "https_ports",

        // Whole configuration sections, as the test host passes them (--NewsDigest=).
        "NewsDigest", "Serilog", "Logging", "Kestrel", "ConnectionStrings",
    };

    public static bool AreAll(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var token = args[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                return false;
            }

            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? token[2..] : token[2..equals];
            if (!HostKeys.Contains(key) && !key.Contains(':', StringComparison.Ordinal))
            {
                return false;
            }

            if (equals < 0)
            {
                // --key value: the value is the next argument, which the key needs.
                if (++i >= args.Length)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
