using NewsDigest.Samples;

namespace NewsDigest.Core.Tests.Generation;

public sealed class DigestComposerTests
{
    public static TheoryData<string> Languages => ["Chinese", "English"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_template_fills_without_leftover_slots(string language)
    {
        var vocabulary = language == "English" ? DigestVocabulary.English : DigestVocabulary.Chinese;
        var composer = new DigestComposer();
        var random = new Random(1);
        var story = new DigestStory(vocabulary, "OpenAI", "ChatGPT", "RAG", "Finance", new DateOnly(2024, 3, 5), "OpenAI launches ChatGPT", "https://example.com/");
        var templates = vocabulary.TitleTemplates
            .Concat(vocabulary.LinkTemplates)
            .Concat(vocabulary.LeadTemplates)
            .Concat(vocabulary.SentenceTemplates)
            .Concat(vocabulary.EventIntroTemplates)
            .Concat(vocabulary.EventPointTemplates.SelectMany(point => new[] { point.Title, point.Text }))
            .Concat(vocabulary.EventClosingTemplates);

        Assert.All(templates, template =>
        {
            string filled = composer.Fill(template, story, random);
            Assert.DoesNotContain("{", filled);
            Assert.DoesNotContain("}", filled);
        });
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_line_of_a_value_can_start_with_a_label(string language)
    {
        // A value line that starts with a label would cut its field short.
        var vocabulary = language == "English" ? DigestVocabulary.English : DigestVocabulary.Chinese;
        var starts = vocabulary.LeadTemplates
            .Concat(vocabulary.SentenceTemplates)
            .Concat(vocabulary.Openers)
            .Concat(vocabulary.Headings)
            .Concat(vocabulary.EventIntroTemplates)
            .Concat(vocabulary.EventClosingTemplates);

        Assert.All(starts, start => Assert.DoesNotContain(DigestLines.Labels, label => start.StartsWith(label, StringComparison.Ordinal)));
    }

    [Fact]
    public void Tag_values_contain_no_list_separator()
    {
        var vocabularies = new[] { DigestVocabulary.Chinese, DigestVocabulary.English };
        var tags = vocabularies.SelectMany(vocabulary =>
            vocabulary.Keywords.Values.Concat(vocabulary.Technologies.Values).Concat(vocabulary.Industries.Values));

        Assert.All(tags, tag => Assert.Equal(-1, tag.IndexOfAny([',', '，', '、', ';', '；', '\n'])));
    }
}
