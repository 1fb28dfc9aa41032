using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsDigest.Core.Storage;

namespace NewsDigest.Core.Ingestion;

/// <summary>
/// Names of <see cref="ReasonKind"/> in URLs and JSON (no-title, bad-date, …), their group, and
/// the kinds of a file's reason or warnings, recognised by the fixed start of each sentence the
/// parser (<see cref="Parsing.DigestParser"/>, <see cref="Parsing.TagList"/>), the
/// <see cref="Ingester"/> and <see cref="FolderListing"/> write. The file-specific parts (a value
/// in quotes, a path, a number) come after that start, so they cannot change the kind.
/// The ingestion log stores each file's kinds (source_file_problems): a change to a pattern
/// needs a migration step that computes them again.
/// </summary>
public static partial class ReasonKinds
{
    private static readonly Entry[] Entries =
    [
        new(ReasonKind.NoTitle, "no-title", FileProblemKind.Rejected, "^the file has no 标题"),
        new(ReasonKind.EmptyTitle, "empty-title", FileProblemKind.Rejected, @"^the 标题 \(title\) field is empty"),
        new(ReasonKind.EmptyFile, "empty-file", FileProblemKind.Rejected, "^the file is empty"),
        new(ReasonKind.NotUtf8, "not-utf8", FileProblemKind.Rejected, "^this line has (bytes that are not UTF-8|a broken character)"),
        new(ReasonKind.Binary, "binary", FileProblemKind.Rejected, "^this line has a control character"),
        new(ReasonKind.TooLarge, "too-large", FileProblemKind.Rejected, "^the file is .+ bytes, over the limit"),
        new(ReasonKind.NotTxtFile, "not-txt", FileProblemKind.Rejected, "^not a digest file"),
        new(ReasonKind.FolderLink, "folder-link", FileProblemKind.Rejected, "^a link to a folder"),
        new(ReasonKind.LinkOutside, "link-outside", FileProblemKind.Rejected, "^a symbolic link that points outside"),
        new(ReasonKind.IdInUse, "id-in-use", FileProblemKind.Rejected, @"^its article id \S+ is already used by"),
        new(ReasonKind.OtherRejection, "other-rejection", FileProblemKind.Rejected, null),
        new(ReasonKind.FileUnreadable, "file-unreadable", FileProblemKind.Unreadable, "^the file cannot be read"),
        new(ReasonKind.FolderUnreadable, "folder-unreadable", FileProblemKind.Unreadable, "^the folder .* cannot be listed"),
        new(ReasonKind.OtherUnreadable, "other-unreadable", FileProblemKind.Unreadable, null),
        new(ReasonKind.RepeatedField, "repeated-field", FileProblemKind.Warning, @"^[^""]+ appears again on line \d+"),
        new(ReasonKind.TextBeforeFields, "text-before-fields", FileProblemKind.Warning, @"^the text from line \d+ up to the first label"),
        new(ReasonKind.LongTitle, "long-title", FileProblemKind.Warning, @"^the title is \d+ characters long"),
        new(ReasonKind.BadLink, "bad-link", FileProblemKind.Warning, @"^the 链接 \(link\) """),
        new(ReasonKind.BadDate, "bad-date", FileProblemKind.Warning, @"^the \S+ \(date\) """),
        new(ReasonKind.LongTags, "long-tags", FileProblemKind.Warning, @"^\d+ of the [^""]+ are longer than \d+ characters"),
        new(ReasonKind.TooManyTags, "too-many-tags", FileProblemKind.Warning, @"^the [^""]+ field has more than \d+ tags"),
        new(ReasonKind.DuplicateLink, "duplicate-link", FileProblemKind.Warning, "^possible duplicate of article"),
        new(ReasonKind.OtherWarning, "other-warning", FileProblemKind.Warning, null),
    ];

    /// <summary>Every kind, grouped (rejected, unreadable, warnings), in a fixed order.</summary>
    public static IReadOnlyList<ReasonKind> All { get; } = [.. Entries.Select(e => e.Kind)];

    /// <summary>The name in URLs and JSON, e.g. no-title.</summary>
    public static string Slug(this ReasonKind kind) => Find(kind).Slug;

    /// <summary>Whether the kind rejects a file, makes it unreadable, or is a warning on a taken file.</summary>
    public static FileProblemKind Group(this ReasonKind kind) => Find(kind).Group;

    public static bool TryParse(string? slug, [NotNullWhen(true)] out ReasonKind? kind)
    {
        kind = Array.Find(Entries, e => e.Slug == slug)?.Kind;
        return kind is not null;
    }

    /// <summary>The kind of one reason (or warning) of the given group.</summary>
    public static ReasonKind Of(string reason, FileProblemKind group)
    {
        if (group == FileProblemKind.Warning)
        {
            // Stored warnings start with the line they are about.
            reason = LinePrefix().Replace(reason, "", 1);
        }

        foreach (var entry in Entries)
        {
            // Each group ends with its catch-all, which has no pattern.
            if (entry.Group == group && (entry.Pattern is null || entry.Pattern.IsMatch(reason)))
            {
                return entry.Kind;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(group), group, "unknown problem group");
    }

    /// <summary>
    /// The kinds a file is listed under: its reason's when it is rejected or unreadable, its
    /// warnings' (each kind once) when it was taken, none when it was removed or is fine.
    /// </summary>
    public static IReadOnlyList<ReasonKind> Of(SourceFile file) => file.Status switch
    {
        SourceFileStatus.Rejected => [Of(file.Reason ?? "", FileProblemKind.Rejected)],
        SourceFileStatus.Unreadable => [Of(file.Reason ?? "", FileProblemKind.Unreadable)],
        SourceFileStatus.Removed => [],
        _ => [.. Warnings(file).Select(w => Of(w, FileProblemKind.Warning)).Distinct()],
    };

    /// <summary>A file's warnings (stored as a JSON array of sentences), none when it has none.</summary>
    public static IReadOnlyList<string> Warnings(SourceFile file) =>
        file.Warnings is null ? [] : JsonSerializer.Deserialize<string[]>(file.Warnings) ?? [];

    private static Entry Find(ReasonKind kind) =>
        Array.Find(Entries, e => e.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown reason kind");

    [GeneratedRegex(@"^line \d+: ", RegexOptions.CultureInvariant)]
    private static partial Regex LinePrefix();

    private sealed class Entry(ReasonKind kind, string slug, FileProblemKind group, string? pattern)
    {
        public ReasonKind Kind { get; } = kind;

        public string Slug { get; } = slug;

        public FileProblemKind Group { get; } = group;

        public Regex? Pattern { get; } = pattern is null ? null : new Regex(pattern, RegexOptions.CultureInvariant);
    }
}
