namespace NewsDigest.Web.Tests.Infrastructure;

/// <summary>
/// A fact about file permissions, which root ignores: as root its processes run as <c>nobody</c>
/// (<see cref="PortalProcess"/>). Where that is impossible (root without setpriv) it is skipped
/// with the reason, except under <c>CI=true</c>, where it runs and fails rather than hide.
/// </summary>
public sealed class UnprivilegedFactAttribute : FactAttribute
{
    public UnprivilegedFactAttribute()
    {
        if (!PortalProcess.CanRunUnprivileged && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "runs as root and setpriv is not installed, so file permissions cannot be tested";
        }
    }
}
