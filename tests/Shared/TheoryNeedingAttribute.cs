namespace NewsDigest.Tests.Shared;

/// <summary>A theory that needs a tool from outside the SDK: skipped, with the reason, when the tool is missing (see <see cref="Tools"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TheoryNeedingAttribute : TheoryAttribute
{
    public TheoryNeedingAttribute(Tool tool) => Skip = Tools.SkipReason(tool);
}
