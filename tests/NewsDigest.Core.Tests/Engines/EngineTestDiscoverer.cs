using Xunit.Abstractions;
using Xunit.Sdk;

namespace NewsDigest.Core.Tests.Engines;

/// <summary>
/// Discovers <see cref="EngineFactAttribute"/> and <see cref="EngineTheoryAttribute"/> tests as xunit
/// does facts and theories, but asks the concrete test class (the one inheriting the suite) which
/// engine it runs on: a test on an engine whose server is missing is one skipped test with the reason.
/// </summary>
public sealed class EngineTestDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer _facts = new(diagnosticMessageSink);
    private readonly TheoryDiscoverer _theories = new(diagnosticMessageSink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        if (RunsOnAttribute.SkipReason(testMethod.TestClass.Class.ToRuntimeType()) is { } reason)
        {
            return [new XunitSkippedDataRowTestCase(
                diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)];
        }

        var isTheory = testMethod.Method.GetCustomAttributes(typeof(EngineTheoryAttribute)).Any();
        return isTheory ? _theories.Discover(discoveryOptions, testMethod, factAttribute) : _facts.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
