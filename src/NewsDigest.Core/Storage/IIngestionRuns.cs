namespace NewsDigest.Core.Storage;

/// <summary>What each ingestion scan did: its run, from start to finished, failed or interrupted.</summary>
public interface IIngestionRuns
{
    /// <summary>Marks every run still open as interrupted, noticed now; returns how many. Only
    /// correct before this process starts a run of its own: an open run is then one a crash or
    /// kill cut off.</summary>
    int MarkOpenRunsInterrupted(DateTime now);

    IngestionRun StartRun(DateTime now);

    /// <summary>Ends a run that scanned, with its counts.</summary>
    void FinishRun(IngestionRun run, DateTime now);

    /// <summary>Ends a run that could not scan, with the reason: the ingestion report and
    /// readiness show it until a scan succeeds.</summary>
    void FailRun(IngestionRun run, string error, DateTime now);

    /// <summary>Marks a run cut off in this process (cancelled by shutdown) as interrupted.</summary>
    void InterruptRun(IngestionRun run, DateTime now);

    /// <summary>The last run that finished its scan (a failed run did not).</summary>
    IngestionRun? LastRun();

    /// <summary>Why scans are failing, when the last run that ended failed; null when it did not.</summary>
    ScanFailure? CurrentFailure();

    /// <summary>Runs cut off before they finished, newest first.</summary>
    IReadOnlyList<IngestionRun> InterruptedRuns(int limit = 10);

    /// <summary>When the articles last changed (a run that added, updated or removed) and when the
    /// last run finished; null where no such run exists yet.</summary>
    (DateTimeOffset? Articles, DateTimeOffset? Report) LastChanges();
}
