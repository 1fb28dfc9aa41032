using NewsDigest.Core.Ingestion;

namespace NewsDigest.Web.Infrastructure;

/// <summary>UI names of the kinds of ingestion problem and of their groups (localisation keys).</summary>
public static class ReasonLabels
{
    public static string Of(ReasonKind kind) => kind switch
    {
        ReasonKind.NoTitle => "No title",
        ReasonKind.EmptyTitle => "Empty title",
        ReasonKind.EmptyFile => "Empty file",
        ReasonKind.NotUtf8 => "Not UTF-8 text",
        ReasonKind.Binary => "Binary, not text",
        ReasonKind.TooLarge => "Over the size limit",
        ReasonKind.NotTxtFile => "Not a .txt file",
        ReasonKind.FolderLink => "Link to a folder",
        ReasonKind.LinkOutside => "Link outside the folder",
        ReasonKind.IdInUse => "Article id already used",
        ReasonKind.OtherRejection => "Other rejection",
        ReasonKind.FileUnreadable => "File cannot be read",
        ReasonKind.FolderUnreadable => "Folder cannot be listed",
        ReasonKind.OtherUnreadable => "Other read error",
        ReasonKind.RepeatedField => "Field given twice",
        ReasonKind.TextBeforeFields => "Text before the first field",
        ReasonKind.LongTitle => "Title shortened",
        ReasonKind.BadLink => "Link not usable",
        ReasonKind.BadDate => "Date not understood",
        ReasonKind.LongTags => "Tags too long",
        ReasonKind.TooManyTags => "Too many tags",
        ReasonKind.DuplicateLink => "Same link as another article",
        ReasonKind.OtherWarning => "Other warning",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown reason kind"),
    };

    public static string Of(FileProblemKind group) => group switch
    {
        FileProblemKind.Rejected => "Rejected",
        FileProblemKind.Unreadable => "Unreadable",
        _ => "Taken with warnings",
    };
}
