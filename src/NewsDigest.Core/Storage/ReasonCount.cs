using NewsDigest.Core.Ingestion;

namespace NewsDigest.Core.Storage;

/// <summary>How many known files have a kind of problem.</summary>
public sealed record ReasonCount(ReasonKind Kind, int Count);
