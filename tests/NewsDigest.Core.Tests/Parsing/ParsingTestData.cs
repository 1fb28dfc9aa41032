using System.Text;

namespace NewsDigest.Core.Tests.Parsing;

/// <summary>The digest files under TestData/Parsing, copied next to the test assembly.</summary>
internal static class ParsingTestData
{
    public const string SeedFileName = "000_77fc480992936622.txt";

    public static byte[] Bytes(string fileName) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Parsing", fileName));

    /// <summary>The real seed as text with LF endings, for building variants of it.</summary>
    public static string SeedText() => Encoding.UTF8.GetString(Bytes(SeedFileName));
}
