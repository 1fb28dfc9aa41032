using System.Globalization;
using System.Text;

namespace NewsDigest.Core.Rendering;

/// <summary>
/// The article text (总结) for display. Scraped texts are often one line of thousands of
/// characters, so besides line breaks they are broken after sentence ends into paragraphs of
/// readable length. Results are plain strings: the page encodes them.
/// </summary>
public static class PlainText
{
    /// <summary>A long line is broken once a paragraph has at least this many characters.</summary>
    public const int ParagraphTargetChars = 200;

    /// <summary>A tail shorter than this joins the paragraph before it rather than stand alone.</summary>
    private const int ShortestTailChars = 60;

    private const string SentenceEnders = "。！？!?";

    // Quotes and brackets that close right after a sentence end belong to that sentence:
    // “它确实厉害！”考完 breaks after the ”.
    private const string Closers = "”’」』）)";

    private const string Ellipsis = "…";

    public static IReadOnlyList<string> Paragraphs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NonBlankLines(text).SelectMany(BreakLongLine).ToList();
    }

    /// <summary>The start of the text as one line of at most <paramref name="maxChars"/>
    /// characters, cut after a sentence end when one is near, else at a word or character
    /// boundary, and then marked with "…". A character is never split (surrogate pairs,
    /// combining marks and emoji sequences stay whole).</summary>
    public static string Excerpt(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, Ellipsis.Length + 1);
        var flat = string.Join(' ', NonBlankLines(text));
        if (flat.Length <= maxChars)
        {
            return flat;
        }

        var cut = LastTextElementBoundary(flat, maxChars - Ellipsis.Length);
        var window = flat.AsSpan(0, cut);
        var sentenceEnd = window.LastIndexOfAny(SentenceEnders);
        var space = window.LastIndexOf(' ');
        if (sentenceEnd >= cut / 2)
        {
            cut = sentenceEnd + 1;
        }
        else if (space >= cut / 2)
        {
            cut = space;
        }

        return flat[..cut].TrimEnd() + Ellipsis;
    }

    private static IEnumerable<string> NonBlankLines(string text) =>
        text.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0);

    private static List<string> BreakLongLine(string line)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var sentence in Sentences(line))
        {
            current.Append(sentence);
            if (current.Length >= ParagraphTargetChars)
            {
                paragraphs.Add(current.ToString().Trim());
                current.Clear();
            }
        }

        var tail = current.ToString().Trim();
        if (tail.Length > 0 && tail.Length < ShortestTailChars && paragraphs.Count > 0)
        {
            paragraphs[^1] += tail;
        }
        else if (tail.Length > 0)
        {
            paragraphs.Add(tail);
        }

        return paragraphs;
    }

    private static IEnumerable<string> Sentences(string line)
    {
        var start = 0;
        var i = 0;
        while (i < line.Length)
        {
            if (SentenceEnders.Contains(line[i]))
            {
                i++;
                while (i < line.Length && (SentenceEnders.Contains(line[i]) || Closers.Contains(line[i])))
                {
                    i++;
                }

                yield return line[start..i];
                start = i;
            }
            else
            {
                i++;
            }
        }

        if (start < line.Length)
        {
            yield return line[start..];
        }
    }

    private static int LastTextElementBoundary(string text, int limit)
    {
        var boundary = 0;
        while (boundary < text.Length)
        {
            var next = boundary + StringInfo.GetNextTextElementLength(text.AsSpan(boundary));
            if (next > limit)
            {
                break;
            }

            boundary = next;
        }

        return boundary;
    }
}
