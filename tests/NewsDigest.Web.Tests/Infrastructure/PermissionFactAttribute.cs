namespace NewsDigest.Web.Tests.Infrastructure;

/// <summary>
/// A fact that needs a real permission error. Root reads any file whatever its mode, so as root
/// the ingest runs as <c>nobody</c> through setpriv (<see cref="UnprivilegedIngest"/>). Where the
/// tests run as root and setpriv is missing the fact is skipped, visibly, except in CI (CI=true),
/// where it must run and fail rather than pass unseen.
/// </summary>
public sealed class PermissionFactAttribute : FactAttribute
{
    public PermissionFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "File modes are a Unix matter.";
        }
        else if (UnprivilegedIngest.RunningAsRoot && UnprivilegedIngest.Setpriv is null
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "Running as root without setpriv: root ignores file modes, so no real permission error can be made.";
        }
    }
}
