using System.Text;
using System.Text.RegularExpressions;

namespace NewsDigest.Core.Tests.Generation;

/// <summary>Just enough reading of a generated file for the generator's tests: the decoded text and
/// the one-line values after labels. The real parser is tested on its own.</summary>
internal static partial class DigestLines
{
    public static readonly string[] Labels = ["标题", "链接", "总结", "关键词", "AI技术", "行业", "重大事件摘要", "发布时间", "日期"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text without BOM and with \n line ends; throws on invalid UTF-8.</summary>
    public static string Decode(byte[] content)
    {
        var bytes = content.AsSpan();
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        return StrictUtf8.GetString(bytes).Replace("\r\n", "\n");
    }

    /// <summary>Labels in the order their lines appear, e.g. ["标题", "链接", …].</summary>
    public static List<string> LabelsInOrder(string text) =>
        LabelLine().Matches(text).Select(match => match.Groups["label"].Value).ToList();

    /// <summary>The rest of the line after "label:" or "label：", or null when the label is absent.</summary>
    public static string? Value(string text, string label)
    {
        foreach (Match match in LabelLine().Matches(text))
        {
            if (match.Groups["label"].Value == label)
            {
                return match.Groups["value"].Value.Trim();
            }
        }

        return null;
    }

    public static bool HasNumberedPoint(string text) => NumberedPoint().IsMatch(text);

    [GeneratedRegex(@"^(?<label>标题|链接|总结|关键词|AI技术|行业|重大事件摘要|发布时间|日期)\s*[:：](?<value>.*)$", RegexOptions.Multiline)]
    private static partial Regex LabelLine();

    [GeneratedRegex(@"^\d+\. \*\*[^*\n]+\*\*[:：]", RegexOptions.Multiline)]
    private static partial Regex NumberedPoint();
}
