using System.Globalization;
using NewsDigest.Core.Generation;

namespace NewsDigest.Web.Cli;

/// <summary>`generate &lt;folder&gt; --count N [--seed S] [--malformed F]`.</summary>
public static class GenerateCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var folder = CommandLine.Positional(args);
        var countText = CommandLine.Option(args, "--count");
        var seedText = CommandLine.Option(args, "--seed") ?? "1";
        var malformedText = CommandLine.Option(args, "--malformed") ?? "0";
        if (folder is null
            || !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1
            || !int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed)
            || !double.TryParse(malformedText, NumberStyles.Float, CultureInfo.InvariantCulture, out var malformed)
            || malformed is < 0 or > 1)
        {
            error.WriteLine("usage: generate <folder> --count N [--seed S] [--malformed F]   (N ≥ 1, 0 ≤ F ≤ 1)");
            return 2;
        }

        var written = new DigestGenerator(seed).WriteTo(folder, count, malformed);
        output.WriteLine($"Wrote {written} digests to {Path.GetFullPath(folder)} (seed {seed}).");
        return 0;
    }
}
