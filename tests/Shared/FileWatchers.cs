using System.Runtime.CompilerServices;

namespace NewsDigest.Tests.Shared;

/// <summary>
/// Every test host would otherwise take inotify instances (128 per user on Linux by default) for
/// configuration reload and the web root's file watcher; with many hosts, or another test run on
/// the same machine, the limit is reached and a request fails. The tests need neither, so they
/// are switched off (polling, and no reload) before any host starts, whoever runs the tests and
/// however. The app's own folder watcher is a plain FileSystemWatcher and is unaffected.
/// </summary>
internal static class FileWatchers
{
    [ModuleInitializer]
    internal static void UseNoInotifyForHosts()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
