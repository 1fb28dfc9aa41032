using NewsDigest.Core.Storage;

namespace NewsDigest.Core.Insights;

/// <summary>
/// Articles tagged with both an industry (row) and an AI technology (column). Rows and columns
/// are ordered by their own article count in the view, most first, then by value; a row's count
/// includes articles with no technology at all.
/// </summary>
public sealed class IndustryTechnologyMatrix
{
    public static readonly IndustryTechnologyMatrix Empty = new([], [], new int[0, 0]);

    private readonly int[,] _counts;

    public IndustryTechnologyMatrix(IReadOnlyList<FacetValue> industries, IReadOnlyList<FacetValue> technologies, int[,] counts)
    {
        if (counts.GetLength(0) != industries.Count || counts.GetLength(1) != technologies.Count)
        {
            throw new ArgumentException("The counts must have a row per industry and a column per technology.", nameof(counts));
        }

        Industries = industries;
        Technologies = technologies;
        _counts = counts;
        foreach (var count in counts)
        {
            MaxCount = Math.Max(MaxCount, count);
        }
    }

    public IReadOnlyList<FacetValue> Industries { get; }

    public IReadOnlyList<FacetValue> Technologies { get; }

    /// <summary>The largest cell: the top of the shade scale.</summary>
    public int MaxCount { get; }

    public int Count(int row, int column) => _counts[row, column];

    /// <summary>The first rows and columns (the most frequent); the whole matrix if it is smaller.</summary>
    public IndustryTechnologyMatrix Top(int rows, int columns)
    {
        rows = Math.Min(rows, Industries.Count);
        columns = Math.Min(columns, Technologies.Count);
        if (rows == Industries.Count && columns == Technologies.Count)
        {
            return this;
        }

        var counts = new int[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                counts[r, c] = _counts[r, c];
            }
        }

        return new IndustryTechnologyMatrix([.. Industries.Take(rows)], [.. Technologies.Take(columns)], counts);
    }
}
