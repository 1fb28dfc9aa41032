using NewsDigest.Core.Storage;

namespace NewsDigest.Web.Infrastructure;

/// <summary>The names of the file statuses in the ingestion API: the JSON status field and the
/// status query parameter. They are a contract with API clients, so they are spelled out here
/// rather than derived from the enum's member names.</summary>
public static class SourceFileStatusNames
{
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<SourceFileStatus>().Select(Of)];

    public static string Of(SourceFileStatus status) => status switch
    {
        SourceFileStatus.Added => "added",
        SourceFileStatus.Updated => "updated",
        SourceFileStatus.Unchanged => "unchanged",
        SourceFileStatus.Rejected => "rejected",
        SourceFileStatus.Removed => "removed",
        SourceFileStatus.Unreadable => "unreadable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown file status"),
    };

    /// <summary>The status with this name; exact, lower-case only.</summary>
    public static bool TryParse(string name, out SourceFileStatus status)
    {
        foreach (var candidate in Enum.GetValues<SourceFileStatus>())
        {
            if (Of(candidate) == name)
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
