namespace NewsDigest.Core.Ingestion;

/// <summary>
/// What kind of problem a rejected or unreadable file's reason, or a taken file's warning, names:
/// the reasons themselves are sentences with file-specific parts (a line, a size, a path), so the
/// ingestion report groups, counts and filters by this. <see cref="ReasonKinds"/> names each in
/// URLs and JSON and says which <see cref="FileProblemKind"/> it belongs to. A sentence no pattern
/// recognises (written by another build, say) is still counted and shown, as the Other… kind of
/// its group.
/// </summary>
public enum ReasonKind
{
    // Rejected: the file was read but not taken.
    NoTitle,
    EmptyTitle,
    EmptyFile,
    NotUtf8,
    Binary,
    TooLarge,
    NotTxtFile,
    FolderLink,
    LinkOutside,
    IdInUse,
    OtherRejection,

    // Unreadable: what the file held stays online.
    FileUnreadable,
    FolderUnreadable,
    OtherUnreadable,

    // Taken with a warning.
    RepeatedField,
    TextBeforeFields,
    LongTitle,
    BadLink,
    BadDate,
    LongTags,
    TooManyTags,
    DuplicateLink,
    OtherWarning,
}
