using NewsDigest.Core.Storage;

namespace NewsDigest.Core.Listing;

/// <summary>
/// A list shown one article per story: the newest article of each story stands for the others,
/// and says how many more cover it.
/// </summary>
/// <param name="stories">The story of every clustered article (seq → story id).</param>
internal sealed class StoryCollapse(IReadOnlyDictionary<long, long> stories)
{
    private readonly Dictionary<long, int> _sizes = stories.Values.CountBy(story => story).ToDictionary();

    public IReadOnlyDictionary<long, long> Stories => stories;

    /// <summary>The positions with one per story: the first (newest) of each story's articles, in order.</summary>
    public List<int> OnePerStory(ListIndex index, List<int> positions)
    {
        var seen = new HashSet<long>();
        return positions.FindAll(p => !stories.TryGetValue(index.SeqAt(p), out var story) || seen.Add(story));
    }

    /// <summary>Sets how many other articles cover each item's story (whatever the filter).</summary>
    public void SetMoreCoverage(IEnumerable<ArticleListItem> items)
    {
        foreach (var item in items)
        {
            item.MoreCoverage = stories.TryGetValue(item.Seq, out var story) ? _sizes[story] - 1 : 0;
        }
    }
}
