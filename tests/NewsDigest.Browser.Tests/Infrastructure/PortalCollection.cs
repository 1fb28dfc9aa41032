namespace NewsDigest.Browser.Tests.Infrastructure;

/// <summary>One app and one browser for every test class: starting them is most of the run's cost.
/// Each test gets its own browser context, so cookies and storage never leak between tests.</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "Portal";
}
