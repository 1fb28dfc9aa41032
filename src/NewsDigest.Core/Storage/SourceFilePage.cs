namespace NewsDigest.Core.Storage;

/// <summary>One page of known files, and how many match in all.</summary>
public sealed record SourceFilePage(int Total, int Page, int PageSize, IReadOnlyList<SourceFile> Items)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}
