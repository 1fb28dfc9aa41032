namespace NewsDigest.Core.Tests.Search.Relevance;

/// <summary>
/// One query of the relevance set: titles that must be among the results, titles that must be the
/// first results (in this order), and titles that must not appear.
/// </summary>
public sealed record RelevanceCase(string Query, string[] MustAppear, string[] First, string[] MustNotAppear)
{
    // xUnit shows this in the test name.
    public override string ToString() => Query;
}
