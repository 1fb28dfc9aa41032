using System.CommandLine;
using System.Globalization;
using NewsDigest.Samples;

namespace NewsDigest.Web.Cli;

/// <summary>`generate &lt;folder&gt; --count N [--seed S] [--malformed F]`.</summary>
public static class GenerateCommand
{
    public static Command Create(TextWriter output)
    {
        var folder = new Argument<string>("folder") { Description = "Where to write the digest files (created if missing)" };
        var count = new Option<int>("--count")
        {
            Description = "How many digests (at least 1)",
            Required = true,
            CustomParser = result => int.TryParse(result.Tokens.Single().Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
                ? n
                : CommandLine.Invalid<int>(result, "--count must be a whole number of at least 1."),
        };
        var seed = new Option<int>("--seed") { Description = "The random seed: the same seed writes the same files", DefaultValueFactory = _ => 1 };
        var malformed = new Option<double>("--malformed")
        {
            Description = "The share (0..1) of deliberately broken files",
            DefaultValueFactory = _ => 0,
            CustomParser = result => double.TryParse(result.Tokens.Single().Value, CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 1
                ? share
                : CommandLine.Invalid<double>(result, "--malformed must be a number from 0 to 1."),
        };
        var command = new Command("generate", "Write realistic sample digests (the same files for the same seed)") { folder, count, seed, malformed };
        command.SetAction(result => Run(result.GetRequiredValue(folder), result.GetValue(count), result.GetValue(seed), result.GetValue(malformed), output));
        return command;
    }

    public static int Run(string folder, int count, int seed, double malformed, TextWriter output)
    {
        var written = new DigestGenerator(seed).WriteTo(folder, count, malformed);
        output.WriteLine($"Wrote {written} digests to {Path.GetFullPath(folder)} (seed {seed}).");
        return 0;
    }
}
