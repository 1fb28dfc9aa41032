using NewsDigest.Core.Listing;
using NewsDigest.Core.Storage;

namespace NewsDigest.Core.Tests.Listing;

public sealed class ListIndexTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Related_articles_are_those_the_rule_picks_when_every_article_is_compared(int seed)
    {
        // 400 articles with gaps in their seqs (deleted ones), 30 tags of which one is on most
        // articles, as 大模型 is; some articles have no tags at all.
        var random = new Random(seed);
        var seqs = Enumerable.Range(1, 600).Where(_ => random.Next(3) > 0).Take(400).ToList();
        var newestFirst = seqs.OrderBy(_ => random.Next()).Select(seq => (seq, $"t{seq}", (DateOnly?)null)).ToList();
        var tagsOf = seqs.ToDictionary(
            seq => (long)seq,
            seq => Enumerable.Range(0, random.Next(0, 7)).Select(_ => random.Next(4) == 0 ? 1L : random.Next(2, 31)).Append(random.Next(5) > 0 ? 1L : 2L).Distinct().ToList());
        tagsOf[seqs[7]] = [];
        var links = tagsOf.SelectMany(a => a.Value.Select(tag => (a.Key, tag))).ToList();
        var tags = Enumerable.Range(1, 30).Select(id => ((long)id, TagKind.Keyword, $"k{id}", $"k{id}"));
        var index = new ListIndex(1, [.. newestFirst.Select(a => ((long)a.seq, a.Item2, a.Item3))], links, tags);

        foreach (var (seq, position) in newestFirst.Select((a, p) => ((long)a.seq, p)))
        {
            foreach (var limit in new[] { 1, 5, 12 })
            {
                var expected = newestFirst
                    .Select((other, p) => (Seq: (long)other.seq, Position: p, Shared: tagsOf[other.seq].Intersect(tagsOf[seq]).Count()))
                    .Where(other => other.Seq != seq && other.Shared > 0)
                    .OrderByDescending(other => other.Shared)
                    .ThenBy(other => other.Position)
                    .Take(limit)
                    .Select(other => other.Seq);
                Assert.Equal(expected, index.Related(seq, limit));
            }
        }

        Assert.Empty(index.Related(seqs[7], 5));
        Assert.Empty(index.Related(599_999, 5));
        Assert.Empty(index.Related(seqs[0], 0));
    }
}
