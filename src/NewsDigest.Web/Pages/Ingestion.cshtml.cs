using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using NewsDigest.Core.Ingestion;
using NewsDigest.Core.Storage;
using NewsDigest.Web.Infrastructure;

namespace NewsDigest.Web.Pages;

/// <summary>
/// /ingestion: what the last scan did, how many files have each kind of problem, and the files
/// that need an editor's attention, newest first, a page at a time, filtered by ?reason=. The
/// other lists are capped, each with a link to all of it, so the page stays small at any size.
/// </summary>
[OutputCache(PolicyName = ResponseCaching.IngestionReport)]
[ClientCache(30, followsIngestionReport: true)]
public sealed class IngestionModel(IIngestionRuns runs, ISourceFiles files, IStoryClusters storyClusters, IngestionService ingestion, IStringLocalizer<SharedResource> text) : PortalPageModel
{
    /// <summary>Stories shown here; the rest are on /ingestion/stories.</summary>
    public const int StoriesShown = 10;

    /// <summary>Removed files and unreadable folders shown here; /api/ingestion has them all.</summary>
    public const int ListCap = 50;

    public IngestionRun? LastRun { get; private set; }

    /// <summary>This node's name (NewsDigest:NodeName).</summary>
    public string NodeName { get; private set; } = string.Empty;

    /// <summary>Whether this node is the one that ingests (several nodes may share the database).</summary>
    public bool IsIngester { get; private set; }

    /// <summary>Why scans are failing (the seeds folder missing or unreadable); null while they are not.</summary>
    public ScanFailure? ScanError { get; private set; }

    public int TotalFiles { get; private set; }

    /// <summary>How many files have each kind of problem.</summary>
    public IReadOnlyList<ReasonCount> Reasons { get; private set; } = [];

    /// <summary>How many files have a problem of any kind.</summary>
    public int ProblemFiles { get; private set; }

    /// <summary>The kind of problem the list is filtered by; null for every problem.</summary>
    public ReasonKind? Reason { get; private set; }

    /// <summary>This page of the files with a problem (of the chosen kind), newest first.</summary>
    public SourceFilePage Problems { get; private set; } = new(0, 1, PageSizes.IngestionFiles, []);

    public PagerModel Pager => new(Problems.Page, Problems.PageCount, page => SiteUrls.IngestionProblems(Reason, page));

    public IReadOnlyList<UnreadableFolder> UnreadableFolders { get; private set; } = [];

    /// <summary>The newest removed files, and how many there are.</summary>
    public SourceFilePage Removed { get; private set; } = new(0, 1, ListCap, []);

    public IReadOnlyList<IngestionRun> InterruptedRuns { get; private set; } = [];

    /// <summary>The newest stories with several articles, so an editor can spot duplicates, and how many there are.</summary>
    public StoryClusterPage Stories { get; private set; } = new(0, 1, StoriesShown, []);

    public IActionResult OnGet()
    {
        if (!IngestionQuery.TryParse(Request.Query, PageSizes.IngestionFiles, PageSizes.IngestionFiles, out var query, out var errors))
        {
            return InvalidRequest(errors);
        }

        var canonical = SiteUrls.Ingestion(query.Reason, query.Page);
        if (!SiteUrls.IsCanonical(Request, canonical))
        {
            return Redirect(LocalUrl(canonical));
        }

        Reason = query.Reason;
        Problems = files.Files(query with { ProblemsOnly = true, Status = null, PageSize = PageSizes.IngestionFiles });
        if (query.Page > Problems.PageCount)
        {
            return NotFound();
        }

        NodeName = ingestion.NodeName;
        IsIngester = ingestion.IsIngester;
        LastRun = runs.LastRun();
        ScanError = runs.CurrentFailure();
        TotalFiles = files.FileCount();
        Reasons = files.ReasonCounts();
        ProblemFiles = Reason is null ? Problems.Total : files.ProblemFileCount();
        UnreadableFolders = files.UnreadableFolders();
        Removed = files.Files(new SourceFileQuery { Status = SourceFileStatus.Removed, PageSize = ListCap });
        InterruptedRuns = runs.InterruptedRuns();
        Stories = storyClusters.Page(1, StoriesShown);
        Meta = new PageMeta
        {
            Title = Reason is null ? text["Ingestion status"] : $"{text["Ingestion status"]}: {text[ReasonLabels.Of(Reason.Value)]}",
            Description = text["What the last scan of the digest folder did, and every file it could not take."],
            CanonicalUrl = AbsoluteUrl(canonical),
            NoIndex = true,
        };
        return Page();
    }

    /// <summary>The kinds of one group that some file has, with their counts.</summary>
    public IEnumerable<ReasonCount> ReasonsOf(FileProblemKind group) => Reasons.Where(r => r.Kind.Group() == group);
}
