using System.Text.Json;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Pages;

/// <summary>/ingestion: what the last scan did, and every file that needs an editor's attention.</summary>
[OutputCache(PolicyName = ResponseCaching.IngestionReport)]
[ClientCache(30, followsIngestionReport: true)]
public sealed class IngestionModel(IngestionLog log, StoryClusterStore storyClusters, IStringLocalizer<SharedResource> text) : PortalPageModel
{
    public IngestionRun? LastRun { get; private set; }

    /// <summary>Why scans are failing (the seeds folder missing or unreadable); null while they are not.</summary>
    public ScanFailure? ScanError { get; private set; }

    public IReadOnlyList<SourceFile> Rejected { get; private set; } = [];

    public IReadOnlyList<(SourceFile File, IReadOnlyList<string> Warnings)> WithWarnings { get; private set; } = [];

    public IReadOnlyList<SourceFile> Removed { get; private set; } = [];

    public IReadOnlyList<UnreadableFolder> UnreadableFolders { get; private set; } = [];

    public IReadOnlyList<SourceFile> UnreadableFiles { get; private set; } = [];

    public IReadOnlyList<IngestionRun> InterruptedRuns { get; private set; } = [];

    public int TotalFiles { get; private set; }

    /// <summary>Articles that cover the same story, so an editor can spot duplicates.</summary>
    public IReadOnlyList<StoryCluster> Stories { get; private set; } = [];

    public void OnGet()
    {
        LastRun = log.LastRun();
        ScanError = log.CurrentFailure();
        UnreadableFolders = log.UnreadableFolders();
        InterruptedRuns = log.InterruptedRuns();
        var files = log.Files();
        TotalFiles = files.Count(f => f.Status != "removed");
        Rejected = files.Where(f => f.Status == "rejected").ToList();
        Removed = files.Where(f => f.Status == "removed").ToList();
        UnreadableFiles = files.Where(f => f.Status == "unreadable").ToList();
        WithWarnings = files
            .Where(f => f.Status is not ("rejected" or "unreadable") && f.Warnings is not null)
            .Select(f => (f, (IReadOnlyList<string>)(JsonSerializer.Deserialize<string[]>(f.Warnings!) ?? [])))
            .ToList();
        Stories = storyClusters.All();
        Meta = new PageMeta
        {
            Title = text["Ingestion status"],
            Description = text["What the last scan of the digest folder did, and every file it could not take."],
            CanonicalUrl = AbsoluteUrl("/ingestion"),
            NoIndex = true,
        };
    }
}
