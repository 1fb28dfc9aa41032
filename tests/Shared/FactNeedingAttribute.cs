namespace NewsDigest.Tests.Shared;

/// <summary>A fact that needs a tool from outside the SDK: skipped, with the reason, when the tool is missing (see <see cref="Tools"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FactNeedingAttribute : FactAttribute
{
    public FactNeedingAttribute(Tool tool) => Skip = Tools.SkipReason(tool);
}
