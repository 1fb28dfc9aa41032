using System.Reflection;
using NewsDigest.Tests.Shared;

namespace NewsDigest.Core.Tests.Engines;

/// <summary>
/// Names the engine a concrete class of an engine-parameterised suite runs on (a class without it
/// runs on SQLite). Its <see cref="EngineFactAttribute"/> and <see cref="EngineTheoryAttribute"/>
/// tests are skipped, with the reason, on an engine whose server is missing (<see cref="Tools"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RunsOnAttribute(StorageEngine engine) : Attribute
{
    public StorageEngine Engine { get; } = engine;

    public static StorageEngine EngineOf(Type testClass) =>
        testClass.GetCustomAttribute<RunsOnAttribute>()?.Engine ?? StorageEngine.Sqlite;

    /// <summary>Why the tests of this class are skipped, or null when they run.</summary>
    public static string? SkipReason(Type testClass) =>
        EngineOf(testClass) == StorageEngine.Postgres ? Tools.SkipReason(Tool.PostgreSql) : null;
}
