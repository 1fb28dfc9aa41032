using System.Globalization;

namespace NewsDigest.Core.Storage;

/// <summary>Times are stored as ISO-8601 UTC text ending in Z: sortable as text, and safe from
/// Dapper's loss of DateTime.Kind with SQLite.</summary>
public static class Timestamps
{
    public static string Format(DateTime time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTime Parse(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
