using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace NewsDigest.Samples;

/// <summary>Writes the text of one well-formed digest in the seed's format, varying the layout the
/// way real files vary (colon style, field order, list separators, missing optional fields, line
/// breaks). Holds reusable buffers, so one instance serves one sequence of files at a time.</summary>
internal sealed class DigestComposer
{
    private const double EnglishShare = 0.2;
    private const double MissingDateShare = 0.15;
    private const double ReorderedShare = 0.2;
    private static readonly DateOnly FirstDate = new(2023, 1, 1);
    private static readonly int DateSpanDays = new DateOnly(2025, 12, 31).DayNumber - FirstDate.DayNumber + 1;
    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private const string Alphanumerics = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly StringBuilder _text = new(32 * 1024);
    private readonly StringBuilder _events = new(8 * 1024);
    private readonly StringBuilder _scratch = new(1024);
    private readonly List<string> _tags = new(5);

    /// <summary>Picks the facts, title and link of a news item from <paramref name="random"/> alone,
    /// so that the same random seed gives the same story in any file that re-digests it.</summary>
    public DigestStory CreateStory(Random random)
    {
        var vocabulary = random.NextDouble() < EnglishShare ? DigestVocabulary.English : DigestVocabulary.Chinese;
        var (company, product) = vocabulary.Products.Pick(random);
        var story = new DigestStory(
            vocabulary,
            company,
            product,
            vocabulary.Technologies.Pick(random),
            vocabulary.Industries.Pick(random),
            FirstDate.AddDays(random.Next(DateSpanDays)),
            Title: "",
            Link: "");
        story = story with { Title = Fill(PickAny(random, vocabulary.TitleTemplates), story, random) };
        return story with { Link = Fill(PickAny(random, vocabulary.LinkTemplates), story, random) };
    }

    /// <summary>Replaces the content of <paramref name="output"/> with a digest of
    /// <paramref name="story"/>, using \n line breaks. Without the title it is the commonest
    /// real mistake, a file the parser must reject.</summary>
    public void Compose(StringBuilder output, DigestStory story, Random random, bool includeTitle)
    {
        var vocabulary = story.Vocabulary;
        string colon = PickColon(random);
        string separator = PickSeparator(random);
        string? dateLabel = random.NextDouble() < MissingDateShare ? null : random.Next(2) == 0 ? "发布时间" : "日期";
        bool chineseDate = vocabulary.IsEnglish ? random.NextDouble() < 0.1 : random.NextDouble() < 0.4;

        var labels = new List<string>(8);
        AddIf(labels, includeTitle, "标题");
        AddIf(labels, random.NextDouble() >= 0.04, "链接");
        if (dateLabel is not null)
        {
            labels.Add(dateLabel);
        }

        labels.Add("总结");
        AddIf(labels, random.NextDouble() >= 0.04, "关键词");
        AddIf(labels, random.NextDouble() >= 0.02, "AI技术");
        AddIf(labels, random.NextDouble() >= 0.02, "行业");
        labels.Add("重大事件摘要");
        if (random.NextDouble() < ReorderedShare)
        {
            random.Shuffle(CollectionsMarshal.AsSpan(labels));
        }

        bool textOnNextLine = random.NextDouble() < 0.05;
        ComposeText(story, random);
        ComposeEvents(story, random);

        output.Clear();
        foreach (string label in labels)
        {
            output.Append(label).Append(colon);
            switch (label)
            {
                case "标题":
                    output.Append(story.Title);
                    break;
                case "链接":
                    output.Append(story.Link);
                    break;
                case "发布时间" or "日期":
                    output.Append(chineseDate
                        ? string.Create(CultureInfo.InvariantCulture, $"{story.Date.Year}年{story.Date.Month}月{story.Date.Day}日")
                        : story.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    break;
                case "总结":
                    if (textOnNextLine)
                    {
                        // Some editors start a long value on its own line; the value still runs to the next label.
                        TrimEndSpace(output);
                        output.Append('\n');
                    }

                    output.Append(_text);
                    break;
                case "关键词":
                    AppendTags(output, vocabulary.Keywords, first: null, separator, random);
                    break;
                case "AI技术":
                    AppendTags(output, vocabulary.Technologies, story.Technology, separator, random);
                    break;
                case "行业":
                    AppendTags(output, vocabulary.Industries, story.Industry, separator, random);
                    break;
                case "重大事件摘要":
                    output.Append(_events);
                    break;
            }

            output.Append('\n');
        }

        if (random.NextDouble() < 0.1)
        {
            output.Length--; // No final line break, as some editors save.
        }
    }

    /// <summary>Fills a template's slots: story facts stay fixed, other slots draw anew each time.</summary>
    public string Fill(string template, DigestStory story, Random random)
    {
        _scratch.Clear();
        AppendTemplate(_scratch, template, story, random);
        return _scratch.ToString();
    }

    private void ComposeText(DigestStory story, Random random)
    {
        var vocabulary = story.Vocabulary;
        int targetBytes = PickTextBytes(random);
        bool paragraphs = random.NextDouble() < 0.45;
        string paragraphBreak = random.Next(2) == 0 ? "\n" : "\n\n";
        int sentencesLeftInParagraph = random.Next(4, 14);

        // Sentences come from a shuffled deck, reshuffled when used up, so a template does not
        // repeat before all the others have been used.
        var templates = vocabulary.SentenceTemplates;
        Span<int> deck = stackalloc int[templates.Length];
        int dealt = deck.Length;

        _text.Clear();
        AppendTemplate(_text, PickAny(random, vocabulary.LeadTemplates), story, random);
        int bytes = Encoding.UTF8.GetByteCount(_text.ToString());
        while (bytes < targetBytes)
        {
            _scratch.Clear();
            if (paragraphs && --sentencesLeftInParagraph == 0)
            {
                _scratch.Append(paragraphBreak);
                if (random.NextDouble() < 0.3)
                {
                    _scratch.Append(PickAny(random, vocabulary.Headings)).Append('\n');
                }

                sentencesLeftInParagraph = random.Next(4, 14);
            }
            else
            {
                _scratch.Append(vocabulary.SentenceJoiner);
            }

            if (dealt == deck.Length)
            {
                Shuffle(deck, random);
                dealt = 0;
            }

            string template = templates[deck[dealt++]];
            // Only before a name: most other templates already open with a connective of their own.
            if (vocabulary.Openers.Length > 0 && template.StartsWith('{') && random.NextDouble() < 0.3)
            {
                _scratch.Append(PickAny(random, vocabulary.Openers));
            }

            AppendTemplate(_scratch, template, story, random);
            foreach (var chunk in _scratch.GetChunks())
            {
                bytes += Encoding.UTF8.GetByteCount(chunk.Span);
            }

            _text.Append(_scratch);
        }
    }

    private void ComposeEvents(DigestStory story, Random random)
    {
        var vocabulary = story.Vocabulary;
        _events.Clear();
        AppendTemplate(_events, PickAny(random, vocabulary.EventIntroTemplates), story, random);

        // Distinct points, in a random order, from a shuffled copy of the template indexes.
        var points = vocabulary.EventPointTemplates;
        Span<int> order = stackalloc int[points.Length];
        Shuffle(order, random);
        int count = Math.Min(random.Next(3, 8), points.Length);
        for (int number = 1; number <= count; number++)
        {
            var (title, text) = points[order[number - 1]];
            _events.Append("\n\n").Append(number).Append(". **");
            AppendTemplate(_events, title, story, random);
            _events.Append("**").Append(vocabulary.PointColon);
            AppendTemplate(_events, text, story, random);
        }

        _events.Append("\n\n");
        AppendTemplate(_events, PickAny(random, vocabulary.EventClosingTemplates), story, random);
    }

    /// <summary>1–5 distinct tags, the story's own value first when it has one.</summary>
    private void AppendTags(StringBuilder output, LongTailList<string> values, string? first, string separator, Random random)
    {
        int count = random.Next(10) switch { 0 => 1, < 3 => 2, < 7 => 3, < 9 => 4, _ => 5 };
        _tags.Clear();
        if (first is not null)
        {
            _tags.Add(first);
        }

        for (int attempt = 0; _tags.Count < count && attempt < 20; attempt++)
        {
            string tag = values.Pick(random);
            if (!_tags.Contains(tag))
            {
                _tags.Add(tag);
            }
        }

        for (int i = 0; i < _tags.Count; i++)
        {
            output.Append(i == 0 ? "" : separator).Append(_tags[i]);
        }
    }

    private static void AppendTemplate(StringBuilder output, string template, DigestStory story, Random random)
    {
        // {company2} and {product2} name one rival, drawn once per template, so they always match.
        (string Company, string Product)? rival = null;
        int start = 0;
        while (true)
        {
            int open = template.IndexOf('{', start);
            if (open < 0)
            {
                output.Append(template, start, template.Length - start);
                return;
            }

            int close = template.IndexOf('}', open);
            if (close < 0)
            {
                throw new InvalidOperationException($"Unclosed slot in template: {template}");
            }

            output.Append(template, start, open - start);
            AppendSlot(output, template.AsSpan(open + 1, close - open - 1), open == 0, template, story, random, ref rival);
            start = close + 1;
        }
    }

    private static void AppendSlot(
        StringBuilder output,
        ReadOnlySpan<char> slot,
        bool atStart,
        string template,
        DigestStory story,
        Random random,
        ref (string Company, string Product)? rival)
    {
        var vocabulary = story.Vocabulary;
        var date = story.Date;
        switch (slot)
        {
            case "company": output.Append(story.Company); break;
            case "product": output.Append(story.Product); break;
            case "tech": output.Append(story.Technology); break;
            case "industry": AppendIndustry(output, story.Industry, atStart, vocabulary.IsEnglish); break;
            case "company2": output.Append((rival ??= PickRival(random, story)).Company); break;
            case "product2": output.Append((rival ??= PickRival(random, story)).Product); break;
            case "company3": output.Append(PickOther(random, vocabulary.Companies, story.Company)); break;
            case "tech2": output.Append(PickOther(random, vocabulary.Technologies, story.Technology)); break;
            case "industry2": AppendIndustry(output, PickOther(random, vocabulary.Industries, story.Industry), atStart, vocabulary.IsEnglish); break;
            case "person": output.Append(PickAny(random, vocabulary.People)); break;
            case "role": output.Append(PickAny(random, vocabulary.Roles)); break;
            case "academicRole": output.Append(PickAny(random, vocabulary.AcademicRoles)); break;
            case "org": output.Append(PickAny(random, vocabulary.Organisations)); break;
            case "city": output.Append(PickAny(random, vocabulary.Cities)); break;
            case "media": output.Append(PickAny(random, vocabulary.Media)); break;
            case "term": output.Append(PickAny(random, vocabulary.Terms)); break;
            case "feature": output.Append(PickAny(random, vocabulary.Features)); break;
            case "policy": output.Append(PickAny(random, vocabulary.Policies)); break;
            case "race": output.Append(PickAny(random, vocabulary.Races)); break;
            case "openModel": output.Append(PickAny(random, vocabulary.OpenModels)); break;
            case "gpu": output.Append(PickAny(random, vocabulary.Chips)); break;
            case "quarter": output.Append(PickAny(random, vocabulary.Quarters)); break;
            case "date": AppendLongDate(output, date, vocabulary.IsEnglish); break;
            case "weekday": output.Append(date.DayOfWeek.ToString()); break;
            case "year": output.Append(date.Year); break;
            case "n": output.Append(random.Next(2, 100)); break;
            case "small": output.Append(random.Next(2, 16)); break;
            case "big": output.Append(random.Next(10, 1000)); break;
            case "percent": output.Append(random.Next(5, 96)); break;
            case "amount": AppendAmount(output, random); break;
            case "slug": AppendSlug(output, story.Title); break;
            case "ymd": output.Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case "y": output.Append(date.Year); break;
            case "mm": output.Append(date.ToString("MM", CultureInfo.InvariantCulture)); break;
            case "dd": output.Append(date.ToString("dd", CultureInfo.InvariantCulture)); break;
            case "m": output.Append(date.Month); break;
            case "d": output.Append(date.Day); break;
            case "alnum16": AppendRandomChars(output, Alphanumerics, 16, random); break;
            case var digits when digits.StartsWith("digits"):
                // {digits19}: a numeric id of that many digits; ids never start with 0, like real ones.
                output.Append((char)('1' + random.Next(9)));
                AppendRandomChars(output, "0123456789", int.Parse(digits["digits".Length..], CultureInfo.InvariantCulture) - 1, random);
                break;
            default: throw new InvalidOperationException($"Unknown slot {{{slot}}} in template: {template}");
        }
    }

    /// <summary>English industry tags are capitalised (Healthcare); inside a sentence they read lower case.</summary>
    private static void AppendIndustry(StringBuilder output, string industry, bool atStart, bool english) =>
        output.Append(english && !atStart ? industry.ToLowerInvariant() : industry);

    /// <summary>Another company's product, for comparisons and open-source mentions.</summary>
    private static (string Company, string Product) PickRival(Random random, DigestStory story)
    {
        var rival = story.Vocabulary.Products.Pick(random);
        for (int attempt = 0; attempt < 10 && rival.Company == story.Company; attempt++)
        {
            rival = story.Vocabulary.Products.Pick(random);
        }

        return rival;
    }

    private static void AppendLongDate(StringBuilder output, DateOnly date, bool english)
    {
        if (english)
        {
            output.Append(EnglishMonths[date.Month - 1]).Append(' ').Append(date.Day).Append(", ").Append(date.Year);
        }
        else
        {
            output.Append(date.Year).Append('年').Append(date.Month).Append('月').Append(date.Day).Append('日');
        }
    }

    private static void AppendAmount(StringBuilder output, Random random)
    {
        if (random.NextDouble() < 0.6)
        {
            output.Append('$').Append(random.Next(5, 900)).Append(" million");
        }
        else
        {
            output.Append('$').Append(random.Next(1, 20)).Append('.').Append(random.Next(1, 10)).Append(" billion");
        }
    }

    /// <summary>An English URL slug from the title: lowercase words joined by hyphens.</summary>
    private static void AppendSlug(StringBuilder output, string title)
    {
        bool pendingHyphen = false;
        int written = 0;
        foreach (char c in title)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && written > 0)
                {
                    output.Append('-');
                    written++;
                }

                output.Append(char.ToLowerInvariant(c));
                written++;
                pendingHyphen = false;
            }
            else if (c != '\'')
            {
                pendingHyphen = true;
                if (written > 60)
                {
                    break;
                }
            }
        }
    }

    private static void AppendRandomChars(StringBuilder output, string alphabet, int count, Random random)
    {
        for (int i = 0; i < count; i++)
        {
            output.Append(alphabet[random.Next(alphabet.Length)]);
        }
    }

    /// <summary>Article sizes like real files: mostly 4–12 KB, a few short ones, a few long ones.</summary>
    private static int PickTextBytes(Random random)
    {
        double share = random.NextDouble();
        return share < 0.05 ? random.Next(1_200, 4_000)
            : share < 0.92 ? random.Next(4_000, 12_000)
            : random.Next(12_000, 22_000);
    }

    private static string PickColon(Random random)
    {
        double share = random.NextDouble();
        return share < 0.2 ? "：" : share < 0.25 ? ":" : ": ";
    }

    private static string PickSeparator(Random random)
    {
        double share = random.NextDouble();
        return share < 0.6 ? ", "
            : share < 0.7 ? ","
            : share < 0.82 ? "、"
            : share < 0.92 ? "，"
            : share < 0.96 ? "; "
            : "；";
    }

    private static T PickOther<T>(Random random, LongTailList<T> values, T excluded)
    {
        T value = values.Pick(random);
        for (int attempt = 0; attempt < 5 && EqualityComparer<T>.Default.Equals(value, excluded); attempt++)
        {
            value = values.Pick(random);
        }

        return value;
    }

    /// <summary>Fills <paramref name="indexes"/> with 0..n-1 in random order.</summary>
    private static void Shuffle(Span<int> indexes, Random random)
    {
        for (int i = 0; i < indexes.Length; i++)
        {
            indexes[i] = i;
        }

        random.Shuffle(indexes);
    }

    private static T PickAny<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static void AddIf(List<string> labels, bool condition, string label)
    {
        if (condition)
        {
            labels.Add(label);
        }
    }

    private static void TrimEndSpace(StringBuilder output)
    {
        while (output.Length > 0 && output[^1] == ' ')
        {
            output.Length--;
        }
    }
}
