namespace NewsDigest.Tests.Shared;

/// <summary>Something a test needs from outside the .NET SDK.</summary>
public enum Tool
{
    /// <summary>Debian's Chromium at /usr/bin/chromium, for the browser tests.</summary>
    Chromium,

    /// <summary>Java and the W3C Nu HTML checker (vnu.jar from the npm package vnu-jar).</summary>
    NuHtmlChecker,

    /// <summary>Running a process as an unprivileged user (setpriv), so that file permissions bite even when the tests run as root.</summary>
    UnprivilegedUser,

    /// <summary>A PostgreSQL server at the connection string NEWSDIGEST_TEST_POSTGRES (a superuser,
    /// or the owner of the database it names), for the PostgreSQL engine's tests.</summary>
    PostgreSql,
}
