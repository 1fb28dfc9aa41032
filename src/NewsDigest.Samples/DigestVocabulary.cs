namespace NewsDigest.Samples;

/// <summary>The word banks and sentence templates of one language. Templates hold slots such as
/// <c>{company}</c> that <see cref="DigestComposer"/> fills; tag lists are long-tailed so a few
/// values are very common and many are rare. The field labels stay Chinese in every language:
/// they are the file format, not the content.</summary>
internal sealed partial class DigestVocabulary
{
    public required bool IsEnglish { get; init; }

    /// <summary>Between sentences of the article text: nothing in Chinese, a space in English.</summary>
    public required string SentenceJoiner { get; init; }

    /// <summary>Between the bold title and the text of an events point.</summary>
    public required string PointColon { get; init; }

    /// <summary>Company and one of its products, so that titles pair them correctly.</summary>
    public required LongTailList<(string Company, string Product)> Products { get; init; }

    public required LongTailList<string> Companies { get; init; }

    public required LongTailList<string> Technologies { get; init; }

    public required LongTailList<string> Industries { get; init; }

    public required LongTailList<string> Keywords { get; init; }

    public required string[] People { get; init; }

    public required string[] Roles { get; init; }

    /// <summary>Titles for people at universities and institutes (a company has no professors).</summary>
    public required string[] AcademicRoles { get; init; }

    public required string[] Organisations { get; init; }

    public required string[] Cities { get; init; }

    public required string[] Media { get; init; }

    /// <summary>English technical terms sprinkled into the text (C#, multi-agent, …): they are what
    /// tokenizers and search queries trip over.</summary>
    public required string[] Terms { get; init; }

    public required string[] Features { get; init; }

    public required string[] Policies { get; init; }

    public required string[] Races { get; init; }

    /// <summary>Open-weight models, for the sentences about open source (ChatGPT would be wrong there).</summary>
    public required string[] OpenModels { get; init; }

    public required string[] Chips { get; init; }

    public required string[] Quarters { get; init; }

    public required string[] TitleTemplates { get; init; }

    public required string[] LinkTemplates { get; init; }

    /// <summary>Opening sentences: a news text starts with who did what, when.</summary>
    public required string[] LeadTemplates { get; init; }

    public required string[] SentenceTemplates { get; init; }

    /// <summary>Connectives put before some sentences that start with a name, so that repeated
    /// templates read less alike.</summary>
    public required string[] Openers { get; init; }

    /// <summary>Short sub-headings that start some paragraphs, like those in the real seed.</summary>
    public required string[] Headings { get; init; }

    public required string[] EventIntroTemplates { get; init; }

    /// <summary>Numbered points as (bold title, text) template pairs.</summary>
    public required (string Title, string Text)[] EventPointTemplates { get; init; }

    public required string[] EventClosingTemplates { get; init; }
}
