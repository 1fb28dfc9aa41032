using System.Text.RegularExpressions;
using System.Xml.Linq;
using NewsDigest.Tests.Shared;

namespace NewsDigest.Web.Tests.Deployment;

/// <summary>
/// No Docker engine runs on these machines, so the image is checked as text: the restore step
/// sees every project the portal is built from, the image runs as a non-root user with its data
/// on a volume, and the build context leaves out what is built or run locally.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string Root = Tools.RepositoryRoot;

    [Fact]
    public void The_restore_step_copies_every_project_the_portal_is_built_from()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));
        var restore = dockerfile.IndexOf("RUN dotnet restore", StringComparison.Ordinal);
        var copied = CopiedProject().Matches(dockerfile[..restore]).Select(m => m.Groups["path"].Value).ToHashSet();

        Assert.Equal(Projects("src/NewsDigest.Web/NewsDigest.Web.csproj").Order(), copied.Order());
    }

    [Fact]
    public void The_image_runs_as_a_non_root_user_with_its_data_on_a_volume()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "Dockerfile"));
        var runtime = lines.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)).ToList();

        Assert.Contains("USER $APP_UID", runtime);
        Assert.Contains("VOLUME /data", runtime);
        Assert.Contains(runtime, l => l.Contains("NewsDigest__DatabasePath=/data/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_data_and_history()
    {
        var ignored = File.ReadAllLines(Path.Combine(Root, ".dockerignore")).Select(l => l.Trim()).ToHashSet();

        Assert.Superset(new HashSet<string> { "**/bin/", "**/obj/", "data/", ".git/", "tests/", "**/TestResults/" }, ignored);
    }

    /// <summary>The project and every project it references, transitively, as paths from the root.</summary>
    private static HashSet<string> Projects(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            if (!found.Add(next))
            {
                continue;
            }

            var folder = Path.GetDirectoryName(next)!;
            foreach (var reference in XDocument.Load(Path.Combine(Root, next)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(Root, folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(Root, full).Replace('\\', '/'));
            }
        }

        return found;
    }

    [GeneratedRegex(@"^COPY (?<path>src/\S+\.csproj) ", RegexOptions.Multiline)]
    private static partial Regex CopiedProject();
}
