using System.Runtime.Versioning;
using Dapper;
using Microsoft.Data.Sqlite;
using NewsDigest.Core.Storage;
using NewsDigest.Core.Storage.Sqlite;
using NewsDigest.Tests.Shared;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Security;

/// <summary>
/// The real scenario: folders and files whose mode forbids reading (chmod 000), ingested by a user
/// the mode binds (nobody, when the tests run as root). Nothing is removed for it: what cannot be
/// listed or read keeps its article and is reported with the reason until it reads again.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class PermissionErrorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "newsdigest-permissions-" + Guid.NewGuid().ToString("N"));

    private string Seeds => Path.Combine(_root, "seeds");

    private string DatabasePath => Path.Combine(_root, "data", "permissions.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            foreach (var folder in Directory.EnumerateDirectories(_root, "*", SearchOption.AllDirectories).Prepend(_root))
            {
                File.SetUnixFileMode(folder, Readable);
            }

            Directory.Delete(_root, recursive: true);
        }
    }

    [FactNeeding(Tool.UnprivilegedUser)]
    public async Task Unreadable_folders_and_files_keep_their_articles_and_are_reported_until_they_read_again()
    {
        Write("001_00000000000000a1.txt", Digests.Make("一直可读的文章"));
        Write("kept/002_00000000000000a2.txt", Digests.Make("文件夹后来读不了的文章"));
        Write("003_00000000000000a3.txt", Digests.Make("文件后来读不了的文章"));
        Write("closed/004_00000000000000a4.txt", Digests.Make("文件夹一开始就读不了的文章"));
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        Lock("closed");

        // A folder unreadable from the start is reported, never skipped silently.
        var first = await Ingest();

        Assert.True(first.ExitCode == 1, first.StandardOutput);
        Assert.Contains("unreadable closed/", first.StandardOutput);
        Assert.Equal(["00000000000000a1", "00000000000000a2", "00000000000000a3"], ArticleIds());
        var closed = Assert.Single(Log().UnreadableFolders());
        Assert.Equal("closed", closed.Path);
        Assert.Contains("denied", closed.Reason);

        // Taken files whose folder or own mode turns unreadable keep their articles.
        Lock("kept");
        Lock("003_00000000000000a3.txt");
        var second = await Ingest();

        Assert.True(second.ExitCode == 1, second.StandardOutput);
        Assert.Contains("removed 0", second.StandardOutput);
        Assert.Equal(["00000000000000a1", "00000000000000a2", "00000000000000a3"], ArticleIds());
        var files = KnownFiles().ToDictionary(f => f.Path);
        Assert.Equal(SourceFileStatus.Unchanged, files["001_00000000000000a1.txt"].Status);
        Assert.Equal(SourceFileStatus.Unreadable, files["kept/002_00000000000000a2.txt"].Status);
        Assert.Contains("kept", files["kept/002_00000000000000a2.txt"].Reason);
        Assert.Contains("denied", files["kept/002_00000000000000a2.txt"].Reason);
        Assert.Equal(SourceFileStatus.Unreadable, files["003_00000000000000a3.txt"].Status);
        Assert.Contains("denied", files["003_00000000000000a3.txt"].Reason);
        Assert.Equal(["closed", "kept"], Log().UnreadableFolders().Select(f => f.Path));

        // Readable again: everything is back to normal statuses and the hidden folder's file is taken.
        foreach (var path in new[] { "closed", "kept" })
        {
            File.SetUnixFileMode(Path.Combine(Seeds, path), Readable);
        }

        File.SetUnixFileMode(Path.Combine(Seeds, "003_00000000000000a3.txt"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var third = await Ingest();

        Assert.True(third.ExitCode == 0, third.StandardOutput);
        Assert.Equal(["00000000000000a1", "00000000000000a2", "00000000000000a3", "00000000000000a4"], ArticleIds());
        Assert.Equal(
            [SourceFileStatus.Added, SourceFileStatus.Unchanged, SourceFileStatus.Unchanged, SourceFileStatus.Unchanged],
            KnownFiles().Select(f => f.Status).Order());
        Assert.Empty(Log().UnreadableFolders());
    }

    [FactNeeding(Tool.UnprivilegedUser)]
    public async Task An_unreadable_seeds_folder_is_one_line_and_exit_1_with_nothing_removed()
    {
        Write("001_00000000000000a1.txt", Digests.Make("一直在的文章"));
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        Assert.Equal(0, (await Ingest()).ExitCode);
        File.SetUnixFileMode(Seeds, UnixFileMode.None);

        var outcome = await Ingest();

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith($"cannot read the folder {Seeds}: ", outcome.StandardError);
        Assert.Single(outcome.StandardError.Trim().Split('\n'));
        Assert.Equal(["00000000000000a1"], ArticleIds());
    }

    private const UnixFileMode Readable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(Seeds, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>The built ingest command, as a user file modes bind: nobody when the tests run as
    /// root, who is first given everything the process writes (modes stay as the test set them).</summary>
    private async Task<ProcessOutcome> Ingest()
    {
        if (Environment.IsPrivilegedProcess)
        {
            using var chown = System.Diagnostics.Process.Start("chown", ["-R", "nobody:nogroup", _root]);
            await chown.WaitForExitAsync();
            Assert.Equal(0, chown.ExitCode);
        }

        return await PortalProcess.RunAsync(_root, unprivileged: true, "ingest", Seeds, "--db", DatabasePath);
    }

    private void Lock(string relativePath) => File.SetUnixFileMode(Path.Combine(Seeds, relativePath), UnixFileMode.None);

    private SqliteSourceFiles Log() => new(new SqliteDatabase(DatabasePath));

    private IReadOnlyList<SourceFile> KnownFiles() => Log().Files(new SourceFileQuery { PageSize = int.MaxValue }).Items;

    private List<string> ArticleIds()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection.Query<string>("SELECT id FROM articles ORDER BY id").ToList();
    }
}
