using Xunit.Sdk;

namespace NewsDigest.Core.Tests.Engines;

/// <summary>A fact of a suite that runs on every engine: skipped on an engine whose server is
/// missing (see <see cref="RunsOnAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("NewsDigest.Core.Tests.Engines.EngineTestDiscoverer", "NewsDigest.Core.Tests")]
public sealed class EngineFactAttribute : FactAttribute;
