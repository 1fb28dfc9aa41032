using System.Buffers;
using NewsDigest.Core.Storage;

namespace NewsDigest.Core.Listing;

/// <summary>
/// Every article's place in the newest-first list and its tags, in memory. A list request
/// filters, counts and computes facet counts over its whole result here instead of in SQL: a
/// GROUP BY over the tag links of every match of a common term (模型 is in most articles) costs
/// hundreds of milliseconds at 100,000 articles, a pass over these arrays a few.
/// Insights (<see cref="Insights.InsightsAggregator"/>) read the same arrays, plus each article's
/// own date, to count tag pairs and articles per period.
/// Immutable; <see cref="ListIndexCache"/> builds a new one when the data changes.
/// </summary>
internal sealed class ListIndex
{
    /// <summary>In <see cref="_days"/>: the article has no date of its own.</summary>
    private const int Undated = -1;

    private readonly long[] _seqs;
    private readonly string[] _titles;
    private readonly int[] _days;
    // Position by seq (-1: no such article). Seqs are handed out one after another by the database, so
    // an array is small and, unlike a dictionary, takes a search's 80,000 lookups in well under a millisecond.
    private readonly int[] _positions;
    private readonly int[] _tagStarts;
    private readonly int[] _tagIds;
    // The same links by tag (postings): the positions holding tag t are
    // _postings[_postingStarts[t] .. _postingStarts[t + 1]), newest first.
    private readonly int[] _postingStarts;
    private readonly int[] _postings;
    private readonly Tag[] _tags;
    private readonly Dictionary<(TagKind Kind, string Norm), int> _tagsByNorm;
    private readonly Lazy<IReadOnlyDictionary<TagKind, IReadOnlyList<FacetValue>>> _allTags;

    /// <param name="version">The <see cref="DataChanges.Version"/> of the data it was read from.</param>
    /// <param name="newestFirst">Every article's seq, title (search ranks a term in the title first)
    /// and its digest's own date (null when the file had none: its place in the list is then its
    /// first ingestion, not a date to chart), newest first.</param>
    /// <param name="links">(article seq, tag id) pairs, in any order.</param>
    /// <param name="tags">Every tag: id, kind, value as shown, normalised value.</param>
    public ListIndex(
        long version,
        IReadOnlyList<(long Seq, string Title, DateOnly? Published)> newestFirst,
        IReadOnlyList<(long Seq, long TagId)> links,
        IEnumerable<(long Id, TagKind Kind, string Value, string Norm)> tags)
    {
        Version = version;
        _seqs = [.. newestFirst.Select(a => a.Seq)];
        _titles = [.. newestFirst.Select(a => a.Title)];
        _days = [.. newestFirst.Select(a => a.Published?.DayNumber ?? Undated)];
        _positions = new int[_seqs.Length == 0 ? 0 : _seqs.Max() + 1];
        Array.Fill(_positions, -1);
        for (var p = 0; p < _seqs.Length; p++)
        {
            _positions[_seqs[p]] = p;
        }

        var tagList = new List<Tag>();
        var denseIds = new Dictionary<long, int>();
        _tagsByNorm = [];
        foreach (var (id, kind, value, norm) in tags)
        {
            denseIds[id] = tagList.Count;
            _tagsByNorm[(kind, norm)] = tagList.Count;
            tagList.Add(new Tag(kind, value));
        }

        _tags = [.. tagList];

        // Tag ids grouped by position (compressed rows): the tags of position p are
        // _tagIds[_tagStarts[p] .. _tagStarts[p + 1]).
        _tagStarts = new int[_seqs.Length + 1];
        foreach (var (seq, tagId) in links)
        {
            if (TryGetPosition(seq, out var p) && denseIds.ContainsKey(tagId))
            {
                _tagStarts[p + 1]++;
            }
        }

        for (var p = 0; p < _seqs.Length; p++)
        {
            _tagStarts[p + 1] += _tagStarts[p];
        }

        _allTags = new(CountAllTags);
        _tagIds = new int[_tagStarts[^1]];
        var fill = _tagStarts[..^1];
        foreach (var (seq, tagId) in links)
        {
            if (TryGetPosition(seq, out var p) && denseIds.TryGetValue(tagId, out var dense))
            {
                _tagIds[fill[p]++] = dense;
            }
        }

        _postingStarts = new int[_tags.Length + 1];
        foreach (var tag in _tagIds)
        {
            _postingStarts[tag + 1]++;
        }

        for (var t = 0; t < _tags.Length; t++)
        {
            _postingStarts[t + 1] += _postingStarts[t];
        }

        _postings = new int[_tagIds.Length];
        var next = _postingStarts[..^1];
        for (var p = 0; p < _seqs.Length; p++)
        {
            foreach (var tag in TagsAt(p))
            {
                _postings[next[tag]++] = p;
            }
        }
    }

    public long Version { get; }

    private bool TryGetPosition(long seq, out int position)
    {
        position = seq >= 0 && seq < _positions.Length ? _positions[seq] : -1;
        return position >= 0;
    }

    /// <summary>How many articles there are.</summary>
    public int Count => _seqs.Length;

    public long SeqAt(int position) => _seqs[position];

    /// <summary>The digest's own date, null if it had none.</summary>
    public DateOnly? PublishedAt(int position) =>
        _days[position] == Undated ? null : DateOnly.FromDayNumber(_days[position]);

    /// <summary>Dense ids (0 .. <see cref="TagCount"/>) of the tags of the article at this position.</summary>
    public ReadOnlySpan<int> TagsAt(int position) => _tagIds.AsSpan(_tagStarts[position], _tagStarts[position + 1] - _tagStarts[position]);

    public int TagCount => _tags.Length;

    /// <summary>The values of an article's tags (none for an article this index does not hold).</summary>
    public IEnumerable<string> TagValuesOf(long seq) =>
        TryGetPosition(seq, out var p) ? TagsAt(p).ToArray().Select(ValueOf) : [];

    /// <summary>An article's title ("" for an article this index does not hold).</summary>
    public string TitleOf(long seq) => TryGetPosition(seq, out var p) ? _titles[p] : "";

    public TagKind KindOf(int tag) => _tags[tag].Kind;

    public string ValueOf(int tag) => _tags[tag].Value;

    /// <summary>The dense id of a tag, matched as filters match (Latin case, full-width forms).</summary>
    public int? FindTag(TagKind kind, string value) =>
        _tagsByNorm.TryGetValue((kind, TagKinds.Normalize(value)), out var id) ? id : null;

    /// <summary>
    /// Positions (newest first) of the articles that pass the filter's tags and, when
    /// <paramref name="matches"/> is given, are among those seqs. Values of one kind are ORed, kinds ANDed.
    /// </summary>
    public List<int> Select(ArticleFilter filter, IEnumerable<long>? matches)
    {
        // One mask per filtered kind, indexed by dense tag id: an array read per tag of each match,
        // where a HashSet lookup makes a filtered search of 80,000 matches cost 5-10 ms.
        var required = new List<bool[]>();
        foreach (var kind in TagKinds.All)
        {
            var values = filter.Values(kind);
            if (values.Count == 0)
            {
                continue;
            }

            var mask = new bool[_tags.Length];
            var any = false;
            foreach (var value in values)
            {
                if (_tagsByNorm.TryGetValue((kind, TagKinds.Normalize(value)), out var id))
                {
                    mask[id] = any = true;
                }
            }

            if (!any)
            {
                return [];
            }

            required.Add(mask);
        }

        bool[]? matched = null;
        if (matches is not null)
        {
            matched = new bool[_seqs.Length];
            foreach (var seq in matches)
            {
                // A seq written after this index was read is not listed until the next one.
                if (TryGetPosition(seq, out var p))
                {
                    matched[p] = true;
                }
            }
        }

        var result = new List<int>();
        for (var p = 0; p < _seqs.Length; p++)
        {
            if ((matched is null || matched[p]) && HasAll(p, required))
            {
                result.Add(p);
            }
        }

        return result;
    }

    /// <summary>
    /// Tag counts over the given positions, per kind, most frequent first, then by value. With
    /// <paramref name="stories"/>, a tag counts once per story however many of its articles carry
    /// it, so a count is what the collapsed list shows after choosing that value.
    /// </summary>
    public IReadOnlyDictionary<TagKind, IReadOnlyList<FacetValue>> Facets(IReadOnlyList<int> positions, IReadOnlyDictionary<long, long>? stories = null)
    {
        var counts = new int[_tags.Length];
        var counted = new HashSet<(long Story, int Tag)>();
        foreach (var p in positions)
        {
            long story = 0;
            var clustered = stories is not null && stories.TryGetValue(_seqs[p], out story);
            for (var i = _tagStarts[p]; i < _tagStarts[p + 1]; i++)
            {
                if (!clustered || counted.Add((story, _tagIds[i])))
                {
                    counts[_tagIds[i]]++;
                }
            }
        }

        var facets = TagKinds.All.ToDictionary(k => k, _ => new List<FacetValue>());
        for (var id = 0; id < counts.Length; id++)
        {
            if (counts[id] > 0)
            {
                facets[_tags[id].Kind].Add(new FacetValue(_tags[id].Value, counts[id]));
            }
        }

        return facets.ToDictionary(
            p => p.Key,
            p => (IReadOnlyList<FacetValue>)[.. p.Value.OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Every tag of one kind with its number of articles, most used first, then by value: what
    /// /tags lists. Counted once per index (it is immutable) on first use: a GROUP BY over every
    /// tag link costs /tags about 200 ms at 100,000 articles, this pass a few.
    /// </summary>
    public IReadOnlyList<FacetValue> AllTags(TagKind kind) => _allTags.Value[kind];

    private IReadOnlyDictionary<TagKind, IReadOnlyList<FacetValue>> CountAllTags()
    {
        var counts = new int[_tags.Length];
        foreach (var tag in _tagIds)
        {
            counts[tag]++;
        }

        return TagKinds.All.ToDictionary(
            kind => kind,
            kind => (IReadOnlyList<FacetValue>)[.. Enumerable.Range(0, _tags.Length)
                .Where(id => _tags[id].Kind == kind && counts[id] > 0)
                .Select(id => new FacetValue(_tags[id].Value, counts[id]))
                .OrderByDescending(f => f.Count)
                .ThenBy(f => f.Value, StringComparer.Ordinal)]);
    }

    /// <summary>Up to <paramref name="limit"/> other tags on the most articles that carry this
    /// one (dense id), with those counts; ties by value.</summary>
    public IReadOnlyList<(TagKind Kind, FacetValue Tag)> CoOccurring(int tag, int limit)
    {
        var counts = new int[_tags.Length];
        for (var p = 0; p < _seqs.Length; p++)
        {
            var tags = TagsAt(p);
            if (!tags.Contains(tag))
            {
                continue;
            }

            foreach (var other in tags)
            {
                counts[other]++;
            }
        }

        counts[tag] = 0;
        return [.. Enumerable.Range(0, _tags.Length)
            .Where(id => counts[id] > 0)
            .OrderByDescending(id => counts[id])
            .ThenBy(id => _tags[id].Value, StringComparer.Ordinal)
            .Take(limit)
            .Select(id => (_tags[id].Kind, new FacetValue(_tags[id].Value, counts[id])))];
    }

    /// <summary>Up to <paramref name="limit"/> other articles sharing the most tags with this one,
    /// ties newest first; none share nothing.</summary>
    public List<long> Related(long seq, int limit)
    {
        if (!TryGetPosition(seq, out var mine) || limit <= 0)
        {
            return [];
        }

        // Counted along the postings of this article's own tags rather than over every article's
        // tags: even with a tag most articles carry (大模型), that reads a fraction of the links.
        var shared = ArrayPool<int>.Shared.Rent(_seqs.Length);
        try
        {
            Array.Clear(shared, 0, _seqs.Length);
            foreach (var tag in TagsAt(mine))
            {
                foreach (var p in _postings.AsSpan(_postingStarts[tag], _postingStarts[tag + 1] - _postingStarts[tag]))
                {
                    shared[p]++;
                }
            }

            shared[mine] = 0;

            // The best so far, most shared first. Positions come newest first, so a later article
            // only gets in by sharing strictly more than the weakest one kept.
            var best = new List<(int Count, int Position)>(limit + 1);
            for (var p = 0; p < _seqs.Length; p++)
            {
                var count = shared[p];
                if (count == 0 || (best.Count == limit && count <= best[^1].Count))
                {
                    continue;
                }

                var at = best.FindIndex(b => b.Count < count);
                best.Insert(at < 0 ? best.Count : at, (count, p));
                if (best.Count > limit)
                {
                    best.RemoveAt(limit);
                }
            }

            return best.ConvertAll(b => _seqs[b.Position]);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(shared);
        }
    }

    /// <summary>The articles just before (newer) and after (older) this one in the list.</summary>
    public (long? Newer, long? Older) Neighbours(long seq)
    {
        if (!TryGetPosition(seq, out var p))
        {
            return (null, null);
        }

        return (p > 0 ? _seqs[p - 1] : null, p + 1 < _seqs.Length ? _seqs[p + 1] : null);
    }

    private bool HasAll(int position, List<bool[]> required)
    {
        foreach (var mask in required)
        {
            var found = false;
            for (var i = _tagStarts[position]; i < _tagStarts[position + 1] && !found; i++)
            {
                found = mask[_tagIds[i]];
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct Tag(TagKind Kind, string Value);
}
