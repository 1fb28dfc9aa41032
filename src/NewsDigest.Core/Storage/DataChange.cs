namespace NewsDigest.Core.Storage;

/// <summary>What an announcement on <see cref="DataChanges"/> says changed.</summary>
[Flags]
public enum DataChange
{
    /// <summary>Articles, their tags or the stories they form: what the pages list.</summary>
    Articles = 1,

    /// <summary>The ingestion report: a scan ended, whether or not it changed an article.</summary>
    Report = 2,
}
