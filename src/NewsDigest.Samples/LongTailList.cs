namespace NewsDigest.Samples;

/// <summary>Values drawn with Zipf-like frequencies (weight 1/rank): the first value is the most
/// common and the last the rarest, as in real tag clouds where a few values dominate and most
/// appear rarely. Search tests need both very common and rare terms.</summary>
internal sealed class LongTailList<T>
{
    private readonly T[] _values;
    private readonly double[] _cumulativeWeights;

    public LongTailList(params T[] values)
    {
        ArgumentOutOfRangeException.ThrowIfZero(values.Length);
        _values = values;
        _cumulativeWeights = new double[values.Length];
        double total = 0;
        for (int rank = 0; rank < values.Length; rank++)
        {
            total += 1.0 / (rank + 1);
            _cumulativeWeights[rank] = total;
        }
    }

    public IReadOnlyList<T> Values => _values;

    public T Pick(Random random)
    {
        double point = random.NextDouble() * _cumulativeWeights[^1];
        int index = Array.BinarySearch(_cumulativeWeights, point);
        if (index < 0)
        {
            index = ~index;
        }

        return _values[Math.Min(index, _values.Length - 1)];
    }
}
