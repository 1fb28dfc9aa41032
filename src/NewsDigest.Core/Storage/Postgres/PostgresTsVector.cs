using System.Globalization;
using System.Text;
using NewsDigest.Core.Search;

namespace NewsDigest.Core.Storage.Postgres;

/// <summary>
/// An article's <see cref="SearchDocument"/> as tsvector text, cast with <c>::tsvector</c> from a
/// bound parameter: the application's own tokens (the server's parser would keep a Chinese run as
/// one lexeme), each with its positions and weight. Title, tags, events and body are weighted A,
/// B, C and D and follow each other with a gap, so a phrase never spans two of them (as in FTS5,
/// whose phrases stay within a column).
/// </summary>
public static class PostgresTsVector
{
    /// <summary>PostgreSQL keeps positions up to this; later ones all read as it, so a phrase past
    /// it no longer matches though its words do.</summary>
    public const int MaxPosition = 16383;

    /// <summary>Positions kept per lexeme (PostgreSQL's own limit).</summary>
    public const int MaxPositionsPerLexeme = 256;

    /// <summary>A lexeme must be shorter than 2 KB; a longer token is not searchable anyway.</summary>
    public const int MaxLexemeBytes = 2046;

    /// <summary>A tsvector must stay under 1 MB; lexemes beyond this budget are left out rather
    /// than failing the article's whole transaction.</summary>
    private const int MaxBytes = 900_000;

    /// <summary>The four weighted columns with positions.</summary>
    public static string Words(SearchDocument document)
    {
        var lexemes = new Dictionary<string, List<(int Position, char Weight)>>(StringComparer.Ordinal);
        var position = 0;
        foreach (var (column, weight) in new[] { (document.Title, 'A'), (document.Tags, 'B'), (document.Events, 'C'), (document.Body, 'D') })
        {
            foreach (var token in column.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                position = Math.Min(position + 1, MaxPosition);
                if (!lexemes.TryGetValue(token, out var positions))
                {
                    lexemes[token] = positions = [];
                }

                if (positions.Count < MaxPositionsPerLexeme && (positions.Count == 0 || positions[^1].Position < position))
                {
                    positions.Add((position, weight));
                }
            }

            // The gap: adjacent tokens of two columns are not adjacent in the vector.
            position = Math.Min(position + 1, MaxPosition);
        }

        var text = new StringBuilder();
        var bytes = 0;
        foreach (var (lexeme, positions) in lexemes)
        {
            if (!Fits(lexeme, positions.Count, ref bytes))
            {
                continue;
            }

            AppendQuoted(text, lexeme).Append(':');
            for (var i = 0; i < positions.Count; i++)
            {
                text.Append(i == 0 ? "" : ",").Append(positions[i].Position.ToString(CultureInfo.InvariantCulture)).Append(positions[i].Weight);
            }
        }

        return text.ToString();
    }

    /// <summary>The CJK characters and trigrams, without positions: they are only ever looked up.</summary>
    public static string Grams(SearchDocument document)
    {
        var text = new StringBuilder();
        var bytes = 0;
        foreach (var gram in document.Grams.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal))
        {
            if (Fits(gram, 0, ref bytes))
            {
                AppendQuoted(text, gram);
            }
        }

        return text.ToString();
    }

    /// <summary>A lexeme quoted as tsvector and tsquery text want it: in single quotes, with a
    /// quote doubled and a backslash escaped. Analyzer tokens hold neither, but the text is built
    /// from data, so it is escaped anyway.</summary>
    internal static StringBuilder AppendQuoted(StringBuilder text, string lexeme)
    {
        if (text.Length > 0 && text[^1] != '(')
        {
            text.Append(' ');
        }

        return text.Append('\'').Append(lexeme.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)).Append('\'');
    }

    private static bool Fits(string lexeme, int positions, ref int bytes)
    {
        var size = Encoding.UTF8.GetByteCount(lexeme);
        if (size > MaxLexemeBytes || bytes + size + 8 + (2 * positions) > MaxBytes)
        {
            return false;
        }

        bytes += size + 8 + (2 * positions);
        return true;
    }
}
