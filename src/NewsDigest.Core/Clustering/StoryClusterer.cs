using System.Text;
using NewsDigest.Core.Search;

namespace NewsDigest.Core.Clustering;

/// <summary>
/// Groups articles that cover the same story. Pure: articles in, clusters out.
/// </summary>
/// <remarks>
/// Two articles are the same story when
/// <list type="number">
/// <item>their links are the same after <see cref="StoryLink.Normalize"/>, or</item>
/// <item>they are near-duplicates: both dated, at most <see cref="MaxDaysApart"/> days apart, titles
/// with a Jaccard similarity of their shingles (CJK bigrams and lower-cased Latin words, as search
/// tokenises them) of at least <see cref="TitleThreshold"/>, each with at least
/// <see cref="MinShingles"/> shingles, and tag sets (all kinds together) with a Jaccard similarity
/// of at least <see cref="TagThreshold"/>.</item>
/// </list>
/// Titles alone are not enough: templated headlines (“算力紧缺之下，腾讯如何破局” and “…OpenAI如何破局”)
/// differ only in a name, and tags (products, industries) tell those stories apart. The day window
/// keeps a headline that recurs months later out of an old story; an undated article joins a story
/// only by its link, because the day it was ingested says nothing about when the story ran (a bulk
/// import puts years of headlines on one day). The relation is closed
/// transitively (union-find), so A–B and B–C make one story.
/// <para>
/// Speed: candidates for the title test come from an inverted index over each title's rarest
/// shingles (prefix filtering: two sets with Jaccard ≥ t share one of the first |x| − ⌈t·|x|⌉ + 1
/// shingles of each, in one global rarest-first order), walked in date order so only the last
/// few days' postings are read. The pass is not quadratic in the number of articles.
/// </para>
/// </remarks>
public static class StoryClusterer
{
    public const double TitleThreshold = 0.6;
    public const double TagThreshold = 0.5;
    public const int MinShingles = 3;
    public const int MaxDaysApart = 3;

    /// <summary>Clusters of two or more articles, each as seqs in ascending order, ordered by their first seq.</summary>
    public static IReadOnlyList<IReadOnlyList<long>> Cluster(IReadOnlyList<StoryArticle> articles)
    {
        var sets = new DisjointSets(articles.Count);
        JoinSameLinks(articles, sets);
        JoinNearDuplicates(articles, sets);

        var clusters = new Dictionary<int, List<long>>();
        for (var i = 0; i < articles.Count; i++)
        {
            var root = sets.Find(i);
            if (!clusters.TryGetValue(root, out var members))
            {
                clusters[root] = members = [];
            }

            members.Add(articles[i].Seq);
        }

        return clusters.Values
            .Where(m => m.Count > 1)
            .Select(m => (IReadOnlyList<long>)[.. m.Order()])
            .OrderBy(m => m[0])
            .ToList();
    }

    /// <summary>The rule for one pair, without the transitive closure: same link, or near-duplicates.</summary>
    public static bool AreSameStory(StoryArticle a, StoryArticle b)
    {
        var link = StoryLink.Normalize(a.Link);
        if (link is not null && link == StoryLink.Normalize(b.Link))
        {
            return true;
        }

        var titleA = TitleShingles(a.Title);
        var titleB = TitleShingles(b.Title);
        return a.Date is { } dateA && b.Date is { } dateB
            && Math.Abs(dateA.DayNumber - dateB.DayNumber) <= MaxDaysApart
            && titleA.Count >= MinShingles && titleB.Count >= MinShingles
            && Jaccard(titleA, titleB) >= TitleThreshold
            && Jaccard(a.Tags.ToHashSet(StringComparer.Ordinal), b.Tags.ToHashSet(StringComparer.Ordinal)) >= TagThreshold;
    }

    /// <summary>A title's shingles: its search tokens without the lone CJK characters search adds
    /// for prefix queries (国产大模型 → 国产 产大 大模 模型; OpenAI's GPT-4o → openai s gpt 4o).</summary>
    public static IReadOnlySet<string> TitleShingles(string title) =>
        SearchTextAnalyzer.Tokenize(title)
            .Where(t => !(t.Length == 1 && SearchTextAnalyzer.IsCjk(new Rune(t[0]))))
            .ToHashSet(StringComparer.Ordinal);

    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static void JoinSameLinks(IReadOnlyList<StoryArticle> articles, DisjointSets sets)
    {
        var firstWithLink = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < articles.Count; i++)
        {
            var link = StoryLink.Normalize(articles[i].Link);
            if (link is null)
            {
                continue;
            }

            if (firstWithLink.TryGetValue(link, out var first))
            {
                sets.Union(first, i);
            }
            else
            {
                firstWithLink[link] = i;
            }
        }
    }

    private static void JoinNearDuplicates(IReadOnlyList<StoryArticle> articles, DisjointSets sets)
    {
        // Shingles and tags as sorted int ids: intersections are merges, not hash lookups.
        var shingleIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var tagIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var titles = new int[articles.Count][];
        var tags = new int[articles.Count][];
        var frequency = new List<int>();
        for (var i = 0; i < articles.Count; i++)
        {
            if (articles[i].Date is null)
            {
                titles[i] = tags[i] = [];
                continue;
            }

            titles[i] = Ids(TitleShingles(articles[i].Title), shingleIds);
            tags[i] = Ids(articles[i].Tags, tagIds);
            foreach (var id in titles[i])
            {
                if (id == frequency.Count)
                {
                    frequency.Add(0);
                }

                frequency[id]++;
            }
        }

        // Oldest first, so each posting list is in date order and a probe stops at the window's edge.
        var byDate = Enumerable.Range(0, articles.Count).Where(i => titles[i].Length >= MinShingles && tags[i].Length > 0).OrderBy(i => articles[i].Date).ToArray();
        var postings = new Dictionary<int, List<int>>();
        var lastProbe = new int[articles.Count];
        Array.Fill(lastProbe, -1);
        foreach (var i in byDate)
        {
            var title = titles[i];
            var oldest = articles[i].Date!.Value.DayNumber - MaxDaysApart;
            var rarestFirst = title.OrderBy(id => frequency[id]).ThenBy(id => id).ToArray();
            var prefix = title.Length - (int)Math.Ceiling((TitleThreshold * title.Length) - 1e-9) + 1;
            for (var k = 0; k < prefix; k++)
            {
                if (!postings.TryGetValue(rarestFirst[k], out var posting))
                {
                    postings[rarestFirst[k]] = posting = [];
                }

                for (var p = posting.Count - 1; p >= 0 && articles[posting[p]].Date!.Value.DayNumber >= oldest; p--)
                {
                    var j = posting[p];
                    if (lastProbe[j] == i)
                    {
                        continue;
                    }

                    lastProbe[j] = i;
                    if (Jaccard(title, titles[j]) >= TitleThreshold && Jaccard(tags[i], tags[j]) >= TagThreshold)
                    {
                        sets.Union(i, j);
                    }
                }

                posting.Add(i);
            }
        }
    }

    /// <summary>The values as ids (new ones numbered on first sight), sorted and distinct.</summary>
    private static int[] Ids(IEnumerable<string> values, Dictionary<string, int> ids)
    {
        var result = new List<int>();
        foreach (var value in values)
        {
            if (!ids.TryGetValue(value, out var id))
            {
                ids[value] = id = ids.Count;
            }

            result.Add(id);
        }

        result.Sort();
        return [.. result.Distinct()];
    }

    /// <summary>Jaccard similarity of two sorted arrays of distinct ids.</summary>
    private static double Jaccard(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)shared / (a.Length + b.Length - shared);
    }
}
