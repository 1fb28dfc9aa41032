namespace NewsDigest.Tests.Shared;

/// <summary>A fault even root cannot read past: a folder or file replaced by a symbolic link to
/// itself (ELOOP on every listing and open).</summary>
public static class LinkLoop
{
    /// <summary>Moves the folder or file at <paramref name="relativePath"/> out of the seeds folder
    /// and leaves a link to itself in its place; returns where the original went.</summary>
    public static string Break(string seedsPath, string relativePath)
    {
        var path = Path.Combine(seedsPath, relativePath);
        var away = Path.TrimEndingDirectorySeparator(seedsPath) + "-away-" + Guid.NewGuid().ToString("N");
        if (Directory.Exists(path))
        {
            Directory.Move(path, away);
        }
        else
        {
            File.Move(path, away);
        }

        File.CreateSymbolicLink(path, Path.GetFileName(path));
        return away;
    }
}
