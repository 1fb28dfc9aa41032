using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsDigest.Core.Ingestion;

/// <summary>
/// Permalink ids come from the file, never from the database, so a rebuilt database gives every
/// article the same id: the hex part of a name like 000_77fc480992936622.txt, else the first 16
/// hex digits of the SHA-256 of the path relative to the seeds folder.
/// </summary>
public static partial class ArticleIds
{
    public static string ForFile(string relativePath)
    {
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        var match = HexNamed().Match(name);
        if (match.Success)
        {
            return match.Groups["hex"].Value.ToLowerInvariant();
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(relativePath));
        return Convert.ToHexStringLower(hash)[..16];
    }

    /// <summary>Ids are lower-case hex: anything else in a URL is not an article.</summary>
    public static bool IsWellFormed(string? id) => id is { Length: >= 8 and <= 32 } && WellFormed().IsMatch(id);

    [GeneratedRegex(@"^\d+_(?<hex>[0-9A-Fa-f]{8,32})\.txt$")]
    private static partial Regex HexNamed();

    [GeneratedRegex("^[0-9a-f]+$")]
    private static partial Regex WellFormed();
}
