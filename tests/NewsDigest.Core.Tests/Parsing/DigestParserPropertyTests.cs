using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NewsDigest.Core.Parsing;

namespace NewsDigest.Core.Tests.Parsing;

/// <summary>Whatever lands in the seeds folder, the parser answers with a digest or a
/// <see cref="DigestFormatException"/>, never another exception.</summary>
public sealed class DigestParserPropertyTests
{
    private static readonly DigestParser Parser = new(new DigestParserOptions { MaxBytes = 4096 });

    private static readonly DigestParser LargeParser = new(new DigestParserOptions());

    private static readonly byte[] RealSeed =
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Seeds", "000_77fc480992936622.txt"));

    private static readonly string[] Fragments =
    [
        "标题：", "标题:", "链接:", "链接：", "总结：", "关键词：", "AI技术:", "ai技术 ：", "行业：", "重大事件摘要：",
        "发布时间：", "日期:", "2024-03-15", "2024年3月15日", "2024/13/45", "https://example.com/a", "javascript:x",
        "\r\n", "\n", "\r", " ", "\u3000", "\t", "、", "，", "；", ",", ";", "ＧＰＴ", "ChatGPT", "chatgpt", "大模型",
        "\uFEFF", "\0", "\u001b", "\uD83D", "\uDE00", "😀", "1. **要点**：", "：", ":", "",
    ];

    private static Gen<string> FragmentSoup =>
        Gen.ArrayOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts));

    [Property(MaxTest = 500)]
    public bool Any_bytes_give_a_digest_or_a_format_error(byte[] bytes) => Answers(() => Parser.Parse("any.bin", bytes));

    [Property(MaxTest = 500)]
    public bool Any_string_gives_a_digest_or_a_format_error(NonNull<string> text) =>
        Answers(() => Parser.Parse("any.txt", text.Get));

    [Property(MaxTest = 500)]
    public Property Label_fragment_soup_gives_a_digest_or_a_format_error() =>
        Prop.ForAll(FragmentSoup.ToArbitrary(), text => Answers(() => Parser.Parse("soup.txt", text)));

    [Property(MaxTest = 500)]
    public Property Label_fragment_soup_as_damaged_utf8_gives_a_digest_or_a_format_error() =>
        Prop.ForAll(
            FragmentSoup.Zip(Gen.ArrayOf(Gen.Choose(0, 255))).ToArbitrary(),
            pair =>
            {
                var (text, noise) = pair;
                var bytes = Encoding.UTF8.GetBytes(text);
                for (var i = 0; i < noise.Length && bytes.Length > 0; i++)
                {
                    bytes[(i * 7919) % bytes.Length] = (byte)noise[i];
                }

                return Answers(() => Parser.Parse("damaged.txt", bytes));
            });

    [Property(MaxTest = 300)]
    public Property A_title_keeps_its_value_whatever_fields_follow() =>
        Prop.ForAll(
            FragmentSoup.Where(text => text.AsSpan().IndexOfAny("\0\u001b\uD83D\uDE00") < 0).ToArbitrary(),
            body =>
            {
                var digest = Parser.Parse("titled.txt", "标题：大模型\n总结：" + body.Replace("标题", "题标"));
                return digest.Title == "大模型" && digest.Keywords.All(tag => tag.Length > 0 && tag == tag.Trim());
            });

    /// <summary>The real seed, damaged the ways files get damaged: bytes changed, cut out, repeated
    /// or inserted. Each parse must also finish (a hang shows as a failure here, not a stuck run).</summary>
    [Property(MaxTest = 300)]
    public Property Mutations_of_the_real_seed_give_a_digest_or_a_format_error() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(0, 3).Zip(Gen.Choose(0, int.MaxValue), (kind, where) => (Kind: kind, Where: where)).Zip(Gen.Choose(0, 255), (m, value) => (m.Kind, m.Where, Value: value))).ToArbitrary(),
            mutations =>
            {
                var bytes = new List<byte>(RealSeed);
                foreach (var (kind, where, value) in mutations)
                {
                    var at = where % bytes.Count;
                    var length = Math.Min(1 + value, bytes.Count - at);
                    switch (kind)
                    {
                        case 0:
                            bytes[at] = (byte)value;
                            break;
                        case 1 when bytes.Count > length + 1:
                            bytes.RemoveRange(at, length);
                            break;
                        case 2:
                            bytes.InsertRange(at, bytes.GetRange(at, length));
                            break;
                        default:
                            bytes.Insert(at, (byte)value);
                            break;
                    }
                }

                var parse = Task.Run(() => Answers(() => LargeParser.Parse("mutated.txt", bytes.ToArray())));
                return parse.Wait(TimeSpan.FromSeconds(10)) && parse.Result;
            });

    private static bool Answers(Func<Digest> parse)
    {
        try
        {
            return parse() is not null;
        }
        catch (DigestFormatException error)
        {
            return error.Reason.Length > 0 && error.Line >= 0;
        }
    }
}
