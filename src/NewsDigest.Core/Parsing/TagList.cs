namespace NewsDigest.Core.Parsing;

/// <summary>Turns a tag field (关键词, AI技术, 行业) into a clean, bounded list of tags.</summary>
internal static class TagList
{
    /// <summary>Beyond these a file is not a digest any more but a way to flood the database.</summary>
    public const int MaxTags = 200;

    public const int MaxTagLength = 100;

    // Full-width ，and ； are already ASCII after FullWidthAscii; 、 has no ASCII form.
    private static readonly char[] Separators = [',', '，', '、', ';', '；', '\n', '\r'];

    public static IReadOnlyList<string> Read(string value, FieldSpan field, List<DigestWarning> warnings)
    {
        if (value.Length == 0)
        {
            return [];
        }

        var tags = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var tooLong = 0;
        var overLimit = 0;
        foreach (var part in FullWidthAscii.ToAscii(value).Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var tag = string.Join(' ', part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (tag.Length == 0)
            {
                continue;
            }

            if (tag.Length > MaxTagLength)
            {
                tooLong++;
            }
            else if (seen.Add(tag))
            {
                if (tags.Count < MaxTags)
                {
                    tags.Add(tag);
                }
                else
                {
                    overLimit++;
                }
            }
        }

        if (tooLong > 0)
        {
            warnings.Add(new DigestWarning(field.Line,
                $"{tooLong} of the {field.Label.Name} are longer than {MaxTagLength} characters and were dropped; separate tags with a comma (, ，、;)."));
        }

        if (overLimit > 0)
        {
            warnings.Add(new DigestWarning(field.Line,
                $"the {field.Label.Name} field has more than {MaxTags} tags; the first {MaxTags} are kept and {overLimit} more were dropped."));
        }

        return tags;
    }
}
