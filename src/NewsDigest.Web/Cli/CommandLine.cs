namespace NewsDigest.Web.Cli;

/// <summary>Dispatches the one-shot commands; anything else starts the web portal.</summary>
public static class CommandLine
{
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (args.Length == 0)
        {
            return false;
        }

        switch (args[0])
        {
            case "ingest":
                exitCode = IngestCommand.Run(args[1..], Console.Out, Console.Error);
                return true;
            case "generate":
                exitCode = GenerateCommand.Run(args[1..], Console.Out, Console.Error);
                return true;
            case "help" or "--help" or "-h":
                Console.Out.WriteLine(Usage);
                return true;
            default:
                return false;
        }
    }

    public const string Usage = """
        NewsDigest
          (no command)                                   run the web portal
          ingest <folder> [--db <path>]                  ingest a folder once, print a summary; exit 1 if any file was rejected
                                                         or the database cannot be opened
          generate <folder> --count N [--seed S] [--malformed F]
                                                         write N synthetic digests (same files for the same seed);
                                                         F (0..1) is the share of deliberately broken files
        """;

    /// <summary>The value after a --name option, or null.</summary>
    internal static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>The first argument that is neither an option nor an option's value.</summary>
    internal static string? Positional(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                i++;
                continue;
            }

            return args[i];
        }

        return null;
    }
}
