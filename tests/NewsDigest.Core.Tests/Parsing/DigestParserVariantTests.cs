using NewsDigest.Core.Parsing;

namespace NewsDigest.Core.Tests.Parsing;

public sealed class DigestParserVariantTests
{
    private static readonly DigestParser Parser = new(new DigestParserOptions());

    [Fact]
    public void Only_a_title_is_needed_and_missing_optional_fields_are_empty()
    {
        var digest = Parser.Parse("min.txt", "标题：智谱发布新一代大模型\n");

        Assert.Equal("智谱发布新一代大模型", digest.Title);
        Assert.Null(digest.Link);
        Assert.Equal("", digest.Text);
        Assert.Empty(digest.Keywords);
        Assert.Empty(digest.Technologies);
        Assert.Empty(digest.Industries);
        Assert.Equal("", digest.EventsMarkdown);
        Assert.Null(digest.Date);
        Assert.Empty(digest.Warnings);
    }

    [Fact]
    public void Values_span_lines_until_the_next_label_and_keep_their_inner_line_breaks()
    {
        var digest = Parser.Parse("multi.txt",
            "标题：百度发布文心大模型\n总结：  第一段。\n\n第二段。\n行业：科技\n");

        Assert.Equal("第一段。\n\n第二段。", digest.Text);
        Assert.Equal(["科技"], digest.Industries);
    }

    [Fact]
    public void A_line_starting_with_an_unknown_word_stays_in_the_current_value()
    {
        var digest = Parser.Parse("unknown.txt",
            "标题：华为盘古\n总结：发布会在深圳举行。\n来源：新华社\n记者: 张三\n关键词：盘古\n");

        Assert.Equal("发布会在深圳举行。\n来源：新华社\n记者: 张三", digest.Text);
        Assert.Equal(["盘古"], digest.Keywords);
        Assert.Empty(digest.Warnings);
    }

    [Theory]
    [InlineData("总结：文章提到，行业：教育和医疗受益最大。")]
    [InlineData("总结：关于标题：的写法，编辑部有规定。")]
    [InlineData("总结：标题党不可取。\n标题党：也不是标签")]
    public void A_label_like_word_that_does_not_start_a_line_with_a_colon_is_not_a_label(string body)
    {
        var digest = Parser.Parse("midline.txt", "标题：大模型观察\n" + body);

        Assert.Equal("大模型观察", digest.Title);
        Assert.Equal(body["总结：".Length..], digest.Text);
        Assert.Empty(digest.Industries);
        Assert.Empty(digest.Warnings);
    }

    [Theory]
    [InlineData("关键词：人工智能、大模型、国产化")]
    [InlineData("关键词：人工智能，大模型，国产化")]
    [InlineData("关键词：人工智能；大模型;国产化")]
    [InlineData("关键词： 人工智能 ,大模型 ， 国产化 ,")]
    [InlineData("关键词：人工智能\n大模型\r\n国产化")]
    [InlineData("关键词：人工智能、、大模型、人工智能、国产化、大模型")]
    public void Tag_lists_split_on_chinese_and_latin_separators_and_drop_duplicates(string line)
    {
        var digest = Parser.Parse("tags.txt", "标题：国产大模型\n" + line);

        Assert.Equal(["人工智能", "大模型", "国产化"], digest.Keywords);
    }

    [Fact]
    public void Latin_tags_are_deduplicated_ignoring_case_and_keep_the_first_spelling()
    {
        var digest = Parser.Parse("case.txt", "标题：对话模型\nAI技术：ChatGPT, chatgpt, CHATGPT, 文心一言, Llama 2, llama  2");

        Assert.Equal(["ChatGPT", "文心一言", "Llama 2"], digest.Technologies);
    }

    [Fact]
    public void Full_width_ascii_tags_are_normalised_and_merged_with_their_ascii_twins()
    {
        var digest = Parser.Parse("fullwidth.txt", "标题：对话模型\nAI技术：ＧＰＴ－４，GPT-4，Ｌｌａｍａ\u3000３");

        Assert.Equal(["GPT-4", "Llama 3"], digest.Technologies);
    }

    [Theory]
    [InlineData("发布时间：2024-03-15", 2024, 3, 15)]
    [InlineData("日期：2024年3月15日", 2024, 3, 15)]
    [InlineData("日期: 2024/3/15", 2024, 3, 15)]
    [InlineData("发布时间：2024-3-5 10:30", 2024, 3, 5)]
    [InlineData("日期：２０２４年１２月１日", 2024, 12, 1)]
    public void Dates_are_read_in_iso_and_chinese_forms(string line, int year, int month, int day)
    {
        var digest = Parser.Parse("date.txt", "标题：大模型\n" + line + "\n总结：正文");

        Assert.Equal(new DateOnly(year, month, day), digest.Date);
        Assert.Empty(digest.Warnings);
    }

    [Fact]
    public void An_invalid_date_is_a_warning_on_its_line_and_the_article_is_kept()
    {
        var digest = Parser.Parse("baddate.txt", "标题：大模型\n总结：正文\n日期：2024年2月30日\n");

        Assert.Equal("大模型", digest.Title);
        Assert.Null(digest.Date);
        var warning = Assert.Single(digest.Warnings);
        Assert.Equal(3, warning.Line);
        Assert.Contains("2024年2月30日", warning.Message);
    }

    [Fact]
    public void A_repeated_label_keeps_the_first_value_and_warns_on_the_line_of_the_second()
    {
        var digest = Parser.Parse("dup.txt",
            "标题：第一个标题\n总结：正文\n标题：第二个标题\n续行\n关键词：AI\n日期：2024-01-01\n发布时间：2024-02-02");

        Assert.Equal("第一个标题", digest.Title);
        Assert.Equal("正文", digest.Text);
        Assert.Equal(["AI"], digest.Keywords);
        Assert.Equal(new DateOnly(2024, 1, 1), digest.Date);
        Assert.Equal([3, 7], digest.Warnings.Select(warning => warning.Line));
        Assert.Contains("line 1", digest.Warnings[0].Message);
    }

    [Fact]
    public void Text_before_the_first_label_is_ignored_with_a_warning()
    {
        var digest = Parser.Parse("preamble.txt", "\n\n转载自某公众号\n标题：大模型\n总结：正文");

        Assert.Equal("大模型", digest.Title);
        Assert.Equal("正文", digest.Text);
        var warning = Assert.Single(digest.Warnings);
        Assert.Equal(3, warning.Line);
    }

    [Fact]
    public void Line_numbers_count_lf_crlf_and_lone_cr_alike()
    {
        var digest = Parser.Parse("mixed.txt", "标题：大模型\r\n总结：正文\r日期：不是日期\n");

        Assert.Equal(3, Assert.Single(digest.Warnings).Line);
        Assert.Equal("正文", digest.Text);
    }

    [Fact]
    public void A_title_spanning_lines_is_collapsed_to_one_line_and_a_long_one_is_cut()
    {
        var multiLine = Parser.Parse("title.txt", "标题：国产大模型\n  “诸神之战”   出路何方\n总结：正文");
        var longTitle = Parser.Parse("long.txt", "标题：" + new string('长', 600));

        Assert.Equal("国产大模型 “诸神之战” 出路何方", multiLine.Title);
        Assert.Equal(DigestParser.MaxTitleLength, longTitle.Title.Length);
        Assert.Equal(1, Assert.Single(longTitle.Warnings).Line);
    }

    [Fact]
    public void A_hostile_tag_list_is_capped_with_warnings()
    {
        var tags = string.Join("、", Enumerable.Range(0, 500).Select(i => $"标签{i}"));
        var digest = Parser.Parse("flood.txt", $"标题：大模型\n关键词：{tags}、{new string('长', 150)}");

        Assert.Equal(TagList.MaxTags, digest.Keywords.Count);
        Assert.Equal("标签0", digest.Keywords[0]);
        Assert.Equal(2, digest.Warnings.Count);
        Assert.All(digest.Warnings, warning => Assert.Equal(2, warning.Line));
    }
}
