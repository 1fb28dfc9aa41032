namespace NewsDigest.Core.Storage;

/// <summary>Which articles cover the same story (see <see cref="Clustering.StoryClusterer"/>).</summary>
public interface IStoryClusters
{
    /// <summary>Recomputes every story from the articles when articles changed or this process has
    /// not computed them yet (a database an older build wrote gets its stories too). True when the
    /// stored stories changed: the caller announces that as a change of data.</summary>
    bool Refresh(bool articlesChanged);

    /// <summary>The story of every clustered article (seq → story id), for collapsing a list.</summary>
    IReadOnlyDictionary<long, long> Stories();

    /// <summary>The other articles of this article's story, newest first; empty when it stands alone.</summary>
    IReadOnlyList<StoryClusterMember> OthersInStory(long seq);

    /// <summary>Every story with two or more articles, the one with the newest article first.</summary>
    IReadOnlyList<StoryCluster> All();

    /// <summary>One page of <see cref="All"/>: the same stories in the same order, read a page at a time.</summary>
    StoryClusterPage Page(int page, int pageSize);

    /// <summary>Orders the stories now (after a scan), so that the first reader after a change does not wait for it.</summary>
    void LoadOrder();
}
