namespace NewsDigest.Core.Storage;

/// <summary>One page of story clusters, the story with the newest article first, and how many there are.</summary>
public sealed record StoryClusterPage(int Total, int Page, int PageSize, IReadOnlyList<StoryCluster> Clusters)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}
