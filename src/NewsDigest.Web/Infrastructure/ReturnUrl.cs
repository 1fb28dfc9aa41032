using System.Text;

namespace NewsDigest.Web.Infrastructure;

/// <summary>
/// Where the settings links may send the reader back to: a path on this site, or home. Browsers
/// repair what they are given (a TAB or newline is dropped, a backslash becomes a slash, %2F is
/// decoded by some), so anything that could turn into <c>//host</c> or a scheme is refused rather
/// than cleaned up, following OWASP's unvalidated-redirects guidance.
/// </summary>
public static class ReturnUrl
{
    private const int MaxLength = 2048;
    private const string Home = SiteUrls.Home;

    /// <summary>The Location for a return URL (already decoded once from the query string):
    /// the path itself, percent-encoded where it is not ASCII, or "/" when it is not a safe local path.</summary>
    public static string LocalOrHome(string? returnUrl) =>
        IsSafeLocalPath(returnUrl) && IsSafeLocalPath(Unescape(returnUrl!)) ? EncodeNonAscii(returnUrl!) : Home;

    private static bool IsSafeLocalPath(string? value)
    {
        if (value is not { Length: > 0 and <= MaxLength } || value[0] != '/')
        {
            return false;
        }

        if (value.Length > 1 && value[1] == '/')
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || c == '\\')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One more round of decoding, as a lenient browser or proxy might do (invalid escapes stay as written).</summary>
    private static string Unescape(string value) => Uri.UnescapeDataString(value);

    /// <summary>Location headers are ASCII: anything else goes in as percent-encoded UTF-8.</summary>
    private static string EncodeNonAscii(string path)
    {
        if (Ascii.IsValid(path))
        {
            return path;
        }

        var builder = new StringBuilder(path.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] < 0x80)
            {
                builder.Append(path[i]);
                continue;
            }

            var length = char.IsHighSurrogate(path[i])
                ? Encoding.UTF8.GetBytes(path.AsSpan(i++, 2), utf8)
                : Encoding.UTF8.GetBytes(path.AsSpan(i, 1), utf8);
            foreach (var b in utf8[..length])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
