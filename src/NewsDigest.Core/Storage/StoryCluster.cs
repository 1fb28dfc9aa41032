namespace NewsDigest.Core.Storage;

/// <summary>Articles that cover the same story, newest first.</summary>
public sealed record StoryCluster(IReadOnlyList<StoryClusterMember> Members);
