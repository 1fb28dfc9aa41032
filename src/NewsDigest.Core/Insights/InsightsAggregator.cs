using System.Runtime.InteropServices;
using NewsDigest.Core.Listing;
using NewsDigest.Core.Storage;

namespace NewsDigest.Core.Insights;

/// <summary>
/// Computes an <see cref="InsightsReport"/> in one pass over the positions a view selected from
/// the in-memory <see cref="ListIndex"/>: no SQL, no per-request GROUP BY.
/// </summary>
internal static class InsightsAggregator
{
    /// <summary>Industries and technologies charted over time.</summary>
    public const int TopSeries = 5;

    public const int RisingLimit = 10;

    public static InsightsReport Compute(ListIndex index, IReadOnlyList<int> positions, ArticleFilter filter)
    {
        if (positions.Count == 0)
        {
            return InsightsReport.Empty;
        }

        var charted = ChartedTags(index, filter);
        var timeline = Timeline(index, positions);
        var periods = timeline.Periods.Count;
        var previous = periods - 2;

        var totals = new int[index.TagCount];
        var perPeriod = new Dictionary<int, int[]>();
        var recentKeywords = new Dictionary<int, int[]>();
        var cells = new Dictionary<(int Industry, int Technology), int>();
        var overall = new int[periods];
        var undated = 0;
        List<int> industries = [];
        List<int> technologies = [];
        foreach (var position in positions)
        {
            var period = -1;
            if (index.PublishedAt(position) is { } date)
            {
                period = timeline.IndexOf(date);
                overall[period]++;
            }
            else
            {
                undated++;
            }

            industries.Clear();
            technologies.Clear();
            foreach (var tag in index.TagsAt(position))
            {
                if (!charted[tag])
                {
                    continue;
                }

                totals[tag]++;
                var kind = index.KindOf(tag);
                if (kind == TagKind.Keyword)
                {
                    if (previous >= 0 && period >= previous)
                    {
                        Counts(recentKeywords, tag, 2)[period - previous]++;
                    }

                    continue;
                }

                (kind == TagKind.Industry ? industries : technologies).Add(tag);
                if (period >= 0)
                {
                    Counts(perPeriod, tag, periods)[period]++;
                }
            }

            foreach (var industry in industries)
            {
                foreach (var technology in technologies)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(cells, (industry, technology), out _)++;
                }
            }
        }

        var rows = Ranked(index, totals, TagKind.Industry);
        var columns = Ranked(index, totals, TagKind.Technology);
        return new InsightsReport(
            positions.Count,
            undated,
            Matrix(index, totals, rows, columns, cells),
            timeline,
            new TrendSeries("", overall),
            Series(index, rows, perPeriod),
            Series(index, columns, perPeriod),
            Rising(index, recentKeywords));
    }

    /// <summary>
    /// Which tags may appear on an axis or as a series. A kind the view filters on shows only its
    /// chosen values: the list ORs values of one kind, so "医疗 and also 金融" has no list URL, and
    /// every cell must link to exactly the articles it counts.
    /// </summary>
    private static bool[] ChartedTags(ListIndex index, ArticleFilter filter)
    {
        var charted = new bool[index.TagCount];
        Array.Fill(charted, true);
        foreach (var kind in (TagKind[])[TagKind.Industry, TagKind.Technology])
        {
            if (filter.Values(kind).Count == 0)
            {
                continue;
            }

            var chosen = filter.Values(kind).Select(v => index.FindTag(kind, v)).OfType<int>().ToHashSet();
            for (var tag = 0; tag < charted.Length; tag++)
            {
                if (index.KindOf(tag) == kind)
                {
                    charted[tag] = chosen.Contains(tag);
                }
            }
        }

        return charted;
    }

    private static TrendTimeline Timeline(ListIndex index, IReadOnlyList<int> positions)
    {
        DateOnly? first = null;
        DateOnly? last = null;
        foreach (var position in positions)
        {
            if (index.PublishedAt(position) is { } date)
            {
                first = first is null || date < first ? date : first;
                last = last is null || date > last ? date : last;
            }
        }

        return first is null ? TrendTimeline.None : TrendTimeline.Between(first.Value, last!.Value);
    }

    private static int[] Counts(Dictionary<int, int[]> counts, int tag, int length)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, tag, out _);
        return slot ??= new int[length];
    }

    /// <summary>Tags of one kind present in the view, most articles first, then by value.</summary>
    private static List<int> Ranked(ListIndex index, int[] totals, TagKind kind)
    {
        var tags = new List<int>();
        for (var tag = 0; tag < totals.Length; tag++)
        {
            if (totals[tag] > 0 && index.KindOf(tag) == kind)
            {
                tags.Add(tag);
            }
        }

        return [.. tags.OrderByDescending(t => totals[t]).ThenBy(index.ValueOf, StringComparer.Ordinal)];
    }

    private static IndustryTechnologyMatrix Matrix(
        ListIndex index, int[] totals, List<int> rows, List<int> columns, Dictionary<(int Industry, int Technology), int> cells)
    {
        var counts = new int[rows.Count, columns.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                counts[r, c] = cells.GetValueOrDefault((rows[r], columns[c]));
            }
        }

        return new IndustryTechnologyMatrix(
            [.. rows.Select(t => new FacetValue(index.ValueOf(t), totals[t]))],
            [.. columns.Select(t => new FacetValue(index.ValueOf(t), totals[t]))],
            counts);
    }

    /// <summary>The tags with the most dated articles; a tag seen only on undated articles has no line to draw.</summary>
    private static List<TrendSeries> Series(ListIndex index, List<int> ranked, Dictionary<int, int[]> perPeriod) =>
        [.. ranked
            .Where(perPeriod.ContainsKey)
            .Select(t => new TrendSeries(index.ValueOf(t), perPeriod[t]))
            .OrderByDescending(s => s.Total)
            .ThenBy(s => s.Value, StringComparer.Ordinal)
            .Take(TopSeries)];

    private static List<RisingKeyword> Rising(ListIndex index, Dictionary<int, int[]> recent) =>
        [.. recent
            .Select(r => new RisingKeyword(index.ValueOf(r.Key), r.Value[0], r.Value[1]))
            .Where(k => k.Change > 0)
            .OrderByDescending(k => k.Change)
            .ThenByDescending(k => k.Now)
            .ThenBy(k => k.Value, StringComparer.Ordinal)
            .Take(RisingLimit)];
}
