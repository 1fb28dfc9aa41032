namespace NewsDigest.Browser.Tests.Infrastructure;

/// <summary>axe-core scans are the slowest checks (seconds each): in their own collection, on a
/// second app and browser, they run alongside the journeys instead of after them.</summary>
[CollectionDefinition(Name)]
public sealed class AccessibilityCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Accessibility";
}
