namespace NewsDigest.Web.Tests.Infrastructure;

/// <summary>How a child process ended and what it wrote.</summary>
public sealed record ProcessOutcome(int ExitCode, string StandardOutput, string StandardError);
