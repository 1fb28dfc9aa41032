using System.Runtime.Versioning;
using System.Security.Cryptography;
using NewsDigest.Tests.Shared;
using NewsDigest.Web.Tests.Infrastructure;

namespace NewsDigest.Web.Tests.Security;

/// <summary>
/// A database that cannot be opened for writing ends the portal and the <c>ingest</c> command
/// with one line naming the path and the cause, and exit code 1 — never an unhandled exception —
/// and the file is left exactly as it was. These run the real executable.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DatabaseFaultTests : IDisposable
{
    private const UnixFileMode ReadOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode OpenFolder = ReadOnlyFolder | UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    private const UnixFileMode ReadOnlyFile = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode OpenFile = ReadOnlyFile | UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "newsdigest-web-tests", "db-" + Guid.NewGuid().ToString("N"));

    public DatabaseFaultTests()
    {
        Directory.CreateDirectory(Seeds);
        File.Copy(TestApp.TestData("Seeds", "000_77fc480992936622.txt"), Path.Combine(Seeds, "000_77fc480992936622.txt"));
    }

    private string Seeds => Path.Combine(_root, "seeds");

    [FactNeeding(Tool.UnprivilegedUser)]
    public async Task A_new_database_in_a_read_only_folder_is_one_line_and_exit_1()
    {
        var folder = Folder("read-only");
        File.SetUnixFileMode(folder, ReadOnlyFolder);

        await AssertRefusedAsync(Path.Combine(folder, "news.db"), "the folder is not writable", unprivileged: true);
    }

    [FactNeeding(Tool.UnprivilegedUser)]
    public async Task A_writable_database_in_a_read_only_folder_is_one_line_and_exit_1()
    {
        var folder = Folder("read-only");
        var database = await RealDatabaseAsync(Path.Combine(folder, "news.db"));
        File.SetUnixFileMode(database, OpenFile);
        File.SetUnixFileMode(folder, ReadOnlyFolder);

        await AssertRefusedAsync(database, "the folder is not writable", unprivileged: true);
    }

    [FactNeeding(Tool.UnprivilegedUser)]
    public async Task A_read_only_database_file_is_one_line_and_exit_1_and_leaves_nothing_beside_it()
    {
        var folder = Folder("writable");
        File.SetUnixFileMode(folder, OpenFolder);
        var database = await RealDatabaseAsync(Path.Combine(folder, "news.db"));

        await AssertRefusedAsync(database, "the file is read-only", unprivileged: true, modeWhileRunning: ReadOnlyFile);

        // Reading a WAL file read-only would leave -wal and -shm files that outlive the fix.
        Assert.Equal([database], Directory.GetFiles(folder));
    }

    [FactNeeding(Tool.UnprivilegedUser)]
    public async Task An_unreadable_database_file_is_one_line_and_exit_1()
    {
        var folder = Folder("writable");
        File.SetUnixFileMode(folder, OpenFolder);
        var database = await RealDatabaseAsync(Path.Combine(folder, "news.db"));

        await AssertRefusedAsync(database, "the file is not readable", unprivileged: true, modeWhileRunning: UnixFileMode.None);
    }

    [FactNeeding(Tool.UnprivilegedUser)]
    public async Task A_data_folder_that_cannot_be_created_is_one_line_and_exit_1()
    {
        var parent = Folder("read-only-parent");
        File.SetUnixFileMode(parent, ReadOnlyFolder);
        var data = Path.Combine(parent, "data");

        await AssertRefusedAsync(Path.Combine(data, "news.db"), $"the folder {data} cannot be created: permission denied", unprivileged: true);

        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public async Task A_file_where_the_data_folder_belongs_is_one_line_and_exit_1_and_is_not_replaced()
    {
        var data = Path.Combine(Folder("parent"), "data");
        File.WriteAllText(data, "not a folder");

        await AssertRefusedAsync(Path.Combine(data, "news.db"), $"the folder {data} cannot be created: a file has that name", unprivileged: false);

        Assert.Equal("not a folder", File.ReadAllText(data));
    }

    [Fact]
    public async Task A_database_path_that_is_a_folder_is_one_line_and_exit_1()
    {
        var database = Folder("news.db");

        await AssertRefusedAsync(database, "the path is a folder", unprivileged: false);

        Assert.Empty(Directory.GetFileSystemEntries(database));
    }

    [Fact]
    public async Task A_file_of_random_bytes_is_one_line_and_exit_1_and_is_not_overwritten()
    {
        var database = Path.Combine(Folder("random"), "news.db");
        File.WriteAllBytes(database, RandomNumberGenerator.GetBytes(64 * 1024));

        await AssertRefusedAsync(database, "the file is not a SQLite database", unprivileged: false);
    }

    [Fact]
    public async Task A_database_with_a_damaged_header_is_one_line_and_exit_1_and_is_not_repaired()
    {
        var database = await RealDatabaseAsync(Path.Combine(Folder("header"), "news.db"));
        Overwrite(database, offset: 0, "not SQLite here!"u8.ToArray());

        await AssertRefusedAsync(database, "the file is not a SQLite database", unprivileged: false);
    }

    [Fact]
    public async Task A_database_with_a_damaged_first_page_is_one_line_and_exit_1_and_is_not_repaired()
    {
        var database = await RealDatabaseAsync(Path.Combine(Folder("page"), "news.db"));
        // Past the 100-byte file header: the schema table's page, so the header still says SQLite.
        Overwrite(database, offset: 100, RandomNumberGenerator.GetBytes(2000));

        await AssertRefusedAsync(database, "the file is damaged (database disk image is malformed)", unprivileged: false);
    }

    /// <summary>
    /// The portal and the ingest and migrate commands each refuse the database with exactly that one line and
    /// leave its bytes as they were. <paramref name="modeWhileRunning"/> is the file's mode during
    /// the runs only, so that the test can read the file before and after.
    /// </summary>
    private async Task AssertRefusedAsync(string database, string cause, bool unprivileged, UnixFileMode? modeWhileRunning = null)
    {
        var before = Fingerprint(database);
        var original = File.Exists(database) ? File.GetUnixFileMode(database) : UnixFileMode.None;
        var runs = new Dictionary<string, string[]>
        {
            ["portal"] = [$"--NewsDigest:DatabasePath={database}", $"--NewsDigest:SeedsPath={Seeds}", "--NewsDigest:WatchFolder=false", "--urls=http://127.0.0.1:0"],
            ["ingest"] = ["ingest", Seeds, "--db", database],
            ["migrate"] = ["migrate", "--db", database],
        };
        foreach (var (name, arguments) in runs)
        {
            ProcessOutcome outcome;
            try
            {
                if (modeWhileRunning is { } mode)
                {
                    File.SetUnixFileMode(database, mode);
                }

                outcome = await PortalProcess.RunAsync(_root, unprivileged, arguments);
            }
            finally
            {
                if (modeWhileRunning is not null)
                {
                    File.SetUnixFileMode(database, original);
                }
            }

            var context = $"{name}: exit {outcome.ExitCode}\nstderr: {outcome.StandardError}\nstdout: {outcome.StandardOutput}";
            Assert.True(outcome.ExitCode == 1, context);
            Assert.True($"cannot open database {database}: {cause}\n" == outcome.StandardError, context);
            Assert.DoesNotContain("Exception", outcome.StandardOutput, StringComparison.Ordinal);
            Assert.Equal(before, Fingerprint(database));
        }
    }

    private string Folder(string name)
    {
        var folder = Path.Combine(_root, name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>A real NewsDigest database, written by the ingest command from the real seed.</summary>
    private async Task<string> RealDatabaseAsync(string path)
    {
        var outcome = await PortalProcess.RunAsync(_root, unprivileged: false, "ingest", Seeds, "--db", path);
        Assert.True(outcome.ExitCode == 0, outcome.StandardOutput + outcome.StandardError);
        Assert.Equal("SQLite format 3\0"u8.ToArray(), File.ReadAllBytes(path)[..16]);
        return path;
    }

    private static void Overwrite(string path, int offset, byte[] bytes)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Position = offset;
        file.Write(bytes);
    }

    /// <summary>The file's bytes (a hash), or what stands at the path instead.</summary>
    private static string Fingerprint(string path) =>
        File.Exists(path) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))
        : Directory.Exists(path) ? "a folder"
        : "missing";

    public void Dispose()
    {
        // Folders get their write bit back, so that a run without root can delete what is in them.
        foreach (var folder in Directory.EnumerateDirectories(_root, "*", SearchOption.AllDirectories).Prepend(_root))
        {
            File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) | UnixFileMode.UserWrite);
        }

        Directory.Delete(_root, recursive: true);
    }
}
